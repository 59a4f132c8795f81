import type { TAuditFilters, TAuditSourceName } from "../client/audit-api";
import type { TDeliveryFilters } from "../client/deliveries-api";
import type { TWebhookFilters } from "../client/webhooks-api";

// Query-key factories: every key comes from here, never inline, so invalidation can target a level.

export const webhookKeys = {
  all: ["webhooks"] as const,
  lists: () => [...webhookKeys.all, "list"] as const,
  list: (filters: TWebhookFilters) => [...webhookKeys.lists(), filters] as const,
  /** Every webhook at once, for pickers (not a paged list: list mutations leave it to a re-fetch). */
  options: () => [...webhookKeys.all, "options"] as const,
  details: () => [...webhookKeys.all, "detail"] as const,
  detail: (id: string) => [...webhookKeys.details(), id] as const,
  /** The enable/disable mutation (not a query): its pending variables say which rows are being tested. */
  toggle: () => [...webhookKeys.all, "toggle"] as const,
};

export const catalogKeys = {
  eventTypes: ["event-types"] as const,
  /** One type with its schema and example (under eventTypes: invalidating the catalog re-reads it too). */
  eventType: (name: string) => [...catalogKeys.eventTypes, "detail", name] as const,
  projects: ["projects"] as const,
};

export const apiKeyKeys = {
  all: ["api-keys"] as const,
};

export const oauthAppKeys = {
  all: ["oauth-apps"] as const,
};

export const workspaceKeys = {
  all: ["workspaces"] as const,
  lists: () => [...workspaceKeys.all, "list"] as const,
  /** Read when a workspace card is expanded; not under lists(), so a list re-read leaves them be. */
  members: (id: string) => [...workspaceKeys.all, "members", id] as const,
};

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (filters: TDeliveryFilters) => [...deliveryKeys.lists(), filters] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
  stats: (webhookId: string, range: string) => [...deliveryKeys.all, "stats", webhookId, range] as const,
  queue: (webhookId: string) => [...deliveryKeys.all, "queue", webhookId] as const,
  /** Settings → Overview: under deliveries, so every delivery change re-reads it. */
  overview: () => [...deliveryKeys.all, "overview"] as const,
};

export const eventKeys = {
  /** Under deliveries: whatever re-reads deliveries (a redeliver, a replay) re-reads events too. */
  detail: (id: string) => [...deliveryKeys.all, "event", id] as const,
};

export const auditKeys = {
  all: ["audit-log"] as const,
  list: (source: TAuditSourceName, filters: TAuditFilters) => [...auditKeys.all, source, filters] as const,
};

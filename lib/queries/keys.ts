import type { TWebhookFilters } from "../client/webhooks";

// Query-key factories: every key comes from here, never inline, so invalidation can target a level.

export const webhookKeys = {
  all: ["webhooks"] as const,
  lists: () => [...webhookKeys.all, "list"] as const,
  list: (filters: TWebhookFilters) => [...webhookKeys.lists(), filters] as const,
  details: () => [...webhookKeys.all, "detail"] as const,
  detail: (id: string) => [...webhookKeys.details(), id] as const,
};

export const catalogKeys = {
  eventTypes: ["event-types"] as const,
  projects: ["projects"] as const,
};

export const apiKeyKeys = {
  all: ["api-keys"] as const,
};

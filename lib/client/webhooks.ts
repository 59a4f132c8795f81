import type { TApiKey, TEventType, TProject } from "../validation/catalog";
import type { TTestResult, TWebhook, TWebhookCreate, TWebhookUpdate } from "../validation/webhook";
import { apiFetch } from "./api-client";

// Fetchers for the settings screens (no React): one per endpoint the UI uses.

export type TWebhookFilters = { status?: TWebhook["status"] };
export type TWebhookPage = { data: TWebhook[]; nextCursor: string | null };

/** One page of the list, newest first; `cursor` is the previous page's nextCursor. */
export function fetchWebhooks(filters: TWebhookFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(filters.limit ?? 50) });
  if (filters.status) query.set("status", filters.status);
  if (filters.cursor) query.set("cursor", filters.cursor);
  return apiFetch<TWebhookPage>(`/webhooks?${query}`, { signal });
}

/** Every webhook, page after page (for pickers that must offer them all). */
export async function fetchAllWebhooks(signal?: AbortSignal): Promise<TWebhook[]> {
  const all: TWebhook[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchWebhooks({ cursor, limit: 100 }, signal);
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
export const fetchWebhook = (id: string, signal?: AbortSignal) => apiFetch<TWebhook>(`/webhooks/${id}`, { signal });
export const createWebhook = (body: TWebhookCreate) => apiFetch<TWebhook & { token: string }>("/webhooks", { method: "POST", body });
export const updateWebhook = (id: string, body: TWebhookUpdate) => apiFetch<TWebhook>(`/webhooks/${id}`, { method: "PATCH", body });
export const deleteWebhook = (id: string) => apiFetch<void>(`/webhooks/${id}`, { method: "DELETE" });
export const setWebhookEnabled = (id: string, isEnabled: boolean) =>
  apiFetch<TWebhook>(`/webhooks/${id}/${isEnabled ? "enable" : "disable"}`, { method: "POST" });
export const revealToken = (id: string) => apiFetch<{ token: string }>(`/webhooks/${id}/token`);
export const rotateToken = (id: string) => apiFetch<{ token: string }>(`/webhooks/${id}/rotate-token`, { method: "POST", body: {} });

export type TTestTarget = { id?: string; url?: string; token?: string; httpUser?: string; httpPassword?: string };
export const testWebhook = ({ id, ...body }: TTestTarget) =>
  apiFetch<TTestResult>(id ? `/webhooks/${id}/test` : "/webhooks/test", {
    method: "POST",
    // Empty fields are left out, but for httpUser: "" there means "test without basic auth".
    body: Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && (v !== "" || k === "httpUser"))),
  });

export const fetchEventTypes = (signal?: AbortSignal) => apiFetch<{ data: TEventType[] }>("/event-types", { signal }).then((r) => r.data);
export const fetchProjects = (signal?: AbortSignal) => apiFetch<{ data: TProject[] }>("/projects", { signal }).then((r) => r.data);

export const fetchApiKeys = (signal?: AbortSignal) => apiFetch<{ data: TApiKey[] }>("/api-keys", { signal }).then((r) => r.data);
export const createApiKey = (name: string) => apiFetch<TApiKey & { key: string }>("/api-keys", { method: "POST", body: { name } });
export const revokeApiKey = (id: string) => apiFetch<TApiKey>(`/api-keys/${id}`, { method: "DELETE" });

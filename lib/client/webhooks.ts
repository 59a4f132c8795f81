import type { TApiKey, TEventType, TProject } from "../validation/catalog";
import type { TTestResult, TWebhook, TWebhookCreate, TWebhookUpdate } from "../validation/webhook";
import { apiFetch } from "./api-client";

// Fetchers for the settings screens (no React): one per endpoint the UI uses.

export type TWebhookFilters = { status?: TWebhook["status"] };
export type TWebhookPage = { data: TWebhook[]; nextCursor: string | null };

export const fetchWebhooks = (filters: TWebhookFilters, signal?: AbortSignal) =>
  apiFetch<TWebhookPage>(`/webhooks?limit=100${filters.status ? `&status=${filters.status}` : ""}`, { signal });
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
    body: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== "")),
  });

export const fetchEventTypes = (signal?: AbortSignal) => apiFetch<{ data: TEventType[] }>("/event-types", { signal }).then((r) => r.data);
export const fetchProjects = (signal?: AbortSignal) => apiFetch<{ data: TProject[] }>("/projects", { signal }).then((r) => r.data);

export const fetchApiKeys = (signal?: AbortSignal) => apiFetch<{ data: TApiKey[] }>("/api-keys", { signal }).then((r) => r.data);
export const createApiKey = (name: string) => apiFetch<TApiKey & { key: string }>("/api-keys", { method: "POST", body: { name } });
export const revokeApiKey = (id: string) => apiFetch<TApiKey>(`/api-keys/${id}`, { method: "DELETE" });

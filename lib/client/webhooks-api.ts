import type { TFilterTry, TFilterTryResult } from "../validation/payload-filter";
import type { TSignatureFamily } from "../validation/signature-family";
import type { TRotationOverlap, TTestResult, TWebhook, TWebhookCreate, TWebhookUpdate } from "../validation/webhook";
import { apiFetch } from "./api-client";

// Browser fetchers for /webhooks (no React). Every fetcher in lib/client is named for the HTTP
// method it sends (fetch… GET, post… POST, patch… PATCH, destroy… DELETE), never for the
// lib/server function behind the route, so the two cannot be imported one for the other.

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
export const postWebhook = (body: TWebhookCreate) => apiFetch<TWebhook & { token: string }>("/webhooks", { method: "POST", body });
export const patchWebhook = (id: string, body: TWebhookUpdate) => apiFetch<TWebhook>(`/webhooks/${id}`, { method: "PATCH", body });
export const destroyWebhook = (id: string) => apiFetch<void>(`/webhooks/${id}`, { method: "DELETE" });
/** POST /webhooks/{id}/enable or /disable. */
export const postWebhookEnabled = (id: string, isEnabled: boolean) =>
  apiFetch<TWebhook>(`/webhooks/${id}/${isEnabled ? "enable" : "disable"}`, { method: "POST" });
export const fetchWebhookToken = (id: string) => apiFetch<{ token: string }>(`/webhooks/${id}/token`);
export const postRotateToken = (id: string, overlap: TRotationOverlap) =>
  apiFetch<{ token: string; previousTokenExpiresAt: string | null }>(`/webhooks/${id}/rotate-token`, { method: "POST", body: { overlap } });

/** A saved webhook (id, optionally with edited fields) or an unsaved URL to send a test event to. */
export type TTestTarget = {
  id?: string;
  url?: string;
  token?: string;
  httpUser?: string;
  httpPassword?: string;
  signatureFamilies?: TSignatureFamily[];
  /** Send this type's example instead of a ping (a saved webhook only). */
  event?: string;
};
export const postWebhookTest = ({ id, ...body }: TTestTarget) =>
  apiFetch<TTestResult>(id ? `/webhooks/${id}/test` : "/webhooks/test", {
    method: "POST",
    // Empty fields are left out, but for httpUser: "" there means "test without basic auth".
    body: Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && (v !== "" || k === "httpUser"))),
  });
export const postTryFilter = (body: TFilterTry) => apiFetch<TFilterTryResult>("/webhooks/try-filter", { method: "POST", body });

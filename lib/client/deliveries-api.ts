import type { TDelivery, TDeliveryDetail, TRedeliverManyResult, TSignatureCheck, TStatsBucket, TWebhookQueue } from "../validation/delivery";
import { apiFetch } from "./api-client";

// Browser fetchers for deliveries and a webhook's queue, stats and replay (naming: see webhooks-api.ts).

export type TDeliveryFilters = {
  webhookId?: string;
  event?: string;
  status?: string;
  statusClass?: string;
  statusCode?: string;
  errorClass?: string;
  since?: string;
  until?: string;
};
export type TDeliveryPage = { data: TDelivery[]; nextCursor: string | null };
export type TSignatureCheckBody = { secret: string; signature: string; body?: string };

const query = (values: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1]))).toString();

/** Rows per page of the log. */
export const DELIVERY_PAGE_SIZE = 50;

export const fetchDeliveries = (filters: TDeliveryFilters, cursor: string | null, signal?: AbortSignal) =>
  apiFetch<TDeliveryPage>(`/deliveries?${query({ ...filters, cursor: cursor ?? undefined, limit: String(DELIVERY_PAGE_SIZE) })}`, { signal });
export const fetchDelivery = (id: string, signal?: AbortSignal) => apiFetch<TDeliveryDetail>(`/deliveries/${id}`, { signal });
export const postRedeliver = (id: string) => apiFetch<TDeliveryDetail>(`/deliveries/${id}/redeliver`, { method: "POST" });
export const postRedeliverMany = (ids: string[]) => apiFetch<TRedeliverManyResult>("/deliveries/redeliver", { method: "POST", body: { ids } });
export const postCheckSignature = (id: string, body: TSignatureCheckBody) =>
  apiFetch<TSignatureCheck>(`/deliveries/${id}/check-signature`, { method: "POST", body });

export const postReplay = (webhookId: string, since: string) =>
  apiFetch<{ requeued: number }>(`/webhooks/${webhookId}/replay`, { method: "POST", body: { since } });
export const fetchWebhookQueue = (id: string, signal?: AbortSignal) =>
  apiFetch<{ data: TWebhookQueue }>(`/webhooks/${id}/queue`, { signal }).then((r) => r.data);
export const fetchWebhookStats = (id: string, range: "24h" | "7d", signal?: AbortSignal) =>
  apiFetch<{ data: TStatsBucket[] }>(`/webhooks/${id}/stats?range=${range}`, { signal }).then((r) => r.data);

import type { TDelivery, TDeliveryDetail, TSignatureCheck, TStatsBucket, TWebhookQueue } from "../validation/delivery";
import { apiFetch } from "./api-client";

export type TDeliveryFilters = { webhookId?: string; event?: string; status?: string; statusClass?: string; since?: string; until?: string };
export type TDeliveryPage = { data: TDelivery[]; nextCursor: string | null };

const query = (values: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const fetchDeliveries = (filters: TDeliveryFilters, cursor: string | null, signal?: AbortSignal) =>
  apiFetch<TDeliveryPage>(`/deliveries?${query({ ...filters, cursor: cursor ?? undefined, limit: "50" })}`, { signal });
export const fetchDelivery = (id: string, signal?: AbortSignal) => apiFetch<TDeliveryDetail>(`/deliveries/${id}`, { signal });
export const redeliver = (id: string) => apiFetch<TDeliveryDetail>(`/deliveries/${id}/redeliver`, { method: "POST" });
export const replayWebhook = (id: string, since: string) => apiFetch<{ requeued: number }>(`/webhooks/${id}/replay`, { method: "POST", body: { since } });
export const fetchWebhookQueue = (id: string, signal?: AbortSignal) =>
  apiFetch<{ data: TWebhookQueue }>(`/webhooks/${id}/queue`, { signal }).then((r) => r.data);

export const fetchWebhookStats = (id: string, range: "24h" | "7d", signal?: AbortSignal) =>
  apiFetch<{ data: TStatsBucket[] }>(`/webhooks/${id}/stats?range=${range}`, { signal }).then((r) => r.data);
export const checkSignature = (id: string, body: { secret: string; signature: string; body?: string }) =>
  apiFetch<TSignatureCheck>(`/deliveries/${id}/check-signature`, { method: "POST", body });

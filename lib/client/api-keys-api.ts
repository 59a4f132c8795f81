import type { TApiKey, TApiKeyCreate } from "../validation/api-key";
import { apiFetch } from "./api-client";

// Browser fetchers for /api-keys (naming: see webhooks-api.ts).

export const fetchApiKeys = (signal?: AbortSignal) => apiFetch<{ data: TApiKey[] }>("/api-keys", { signal }).then((r) => r.data);
/** The answer holds the key itself, shown once. */
export const postApiKey = (input: TApiKeyCreate) => apiFetch<TApiKey & { key: string }>("/api-keys", { method: "POST", body: input });
export const destroyApiKey = (id: string) => apiFetch<TApiKey>(`/api-keys/${id}`, { method: "DELETE" });
/** Brings back a key revoked because its creator is no longer an admin; the caller becomes its creator. */
export const postRestoreApiKey = (id: string) => apiFetch<TApiKey>(`/api-keys/${id}/restore`, { method: "POST" });

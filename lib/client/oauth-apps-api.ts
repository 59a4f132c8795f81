import type { TAuthorizeRequest, TOAuthApp, TOAuthAppCreate, TOAuthAppUpdate } from "../validation/oauth";
import { apiFetch } from "./api-client";

// Browser fetchers for OAuth applications and the consent page (naming: see webhooks-api.ts).

export const fetchOAuthApps = (signal?: AbortSignal) => apiFetch<{ data: TOAuthApp[] }>("/oauth-apps", { signal }).then((r) => r.data);
/** The answer holds a confidential client's secret, shown once (null for a public client, which has none). */
export const postOAuthApp = (input: TOAuthAppCreate) => apiFetch<TOAuthApp & { clientSecret: string | null }>("/oauth-apps", { method: "POST", body: input });
export const destroyOAuthApp = (id: string) => apiFetch<void>(`/oauth-apps/${id}`, { method: "DELETE" });
/** Brings back an application revoked because its creator is no longer an admin; the caller becomes its creator. */
export const postRestoreOAuthApp = (id: string) => apiFetch<TOAuthApp>(`/oauth-apps/${id}/restore`, { method: "POST" });
export const patchOAuthApp = (id: string, body: TOAuthAppUpdate) => apiFetch<TOAuthApp>(`/oauth-apps/${id}`, { method: "PATCH", body });
/** The new client secret, shown once; the old one stops working at once. */
export const postRotateOAuthSecret = (id: string) => apiFetch<TOAuthApp & { clientSecret: string }>(`/oauth-apps/${id}/rotate-secret`, { method: "POST" });
export const destroyOAuthToken = (id: string) => apiFetch<void>(`/oauth-tokens/${id}`, { method: "DELETE" });
/** The admin's answer to an authorization request: where to send the browser next. */
export const postConsent = (input: TAuthorizeRequest & { decision: "approve" | "deny" }) =>
  apiFetch<{ redirectTo: string }>("/oauth-consent", { method: "POST", body: input });

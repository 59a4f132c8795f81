import type { TAdminApiKey } from "../validation/admin-api-key";
import { apiFetch } from "./api-client";

// Browser fetchers for /admin-api-key (naming: see webhooks-api.ts).

export const fetchAdminApiKey = () => apiFetch<TAdminApiKey>("/admin-api-key");
export const postRegenerateAdminApiKey = () => apiFetch<TAdminApiKey>("/admin-api-key/regenerate", { method: "POST" });

import type { TAccount, TAccountUpdate, TPasswordChange } from "../validation/user";
import { apiFetch } from "./api-client";

// Browser fetchers for the signed-in user's own account (naming: see webhooks-api.ts).

export const postPasswordChange = (body: TPasswordChange) => apiFetch<void>("/account/password", { method: "POST", body });
export const postSignOutEverywhere = () => apiFetch<void>("/account/sign-out-everywhere", { method: "POST" });
export const patchAccount = (body: TAccountUpdate) => apiFetch<{ data: TAccount }>("/account", { method: "PATCH", body }).then((r) => r.data);

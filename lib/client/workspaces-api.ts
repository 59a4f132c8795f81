import type { z } from "zod";
import type { TMember, TSignInLinkCreate, TWorkspace, TWorkspaceCreate, TWorkspaceUpdate, ZMembershipAdd, ZSignInLink } from "../validation/workspace";
import { apiFetch } from "./api-client";

// Browser fetchers for /workspaces, the installation's (operator-only) routes (naming: see webhooks-api.ts).

export type TWorkspacePage = { data: TWorkspace[]; nextCursor: string | null };
export type TMembershipAdd = z.input<typeof ZMembershipAdd>;
export type TSignInLink = z.infer<typeof ZSignInLink>;

/** One page, oldest first; `cursor` is the previous page's nextCursor. */
export function fetchWorkspaces(page: { cursor?: string; limit?: number }, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(page.limit ?? 50) });
  if (page.cursor) query.set("cursor", page.cursor);
  return apiFetch<TWorkspacePage>(`/workspaces?${query}`, { signal });
}

export const postWorkspace = (body: TWorkspaceCreate) => apiFetch<TWorkspace>("/workspaces", { method: "POST", body });
export const patchWorkspace = (id: string, body: TWorkspaceUpdate) => apiFetch<TWorkspace>(`/workspaces/${id}`, { method: "PATCH", body });
/** Refused with 409 has_webhooks while it has webhooks, unless forced (they go with it). */
export const destroyWorkspace = (id: string, { isForced = false } = {}) =>
  apiFetch<void>(`/workspaces/${id}${isForced ? "?force=true" : ""}`, { method: "DELETE" });

export const fetchMembers = (id: string, signal?: AbortSignal) => apiFetch<{ data: TMember[] }>(`/workspaces/${id}/members`, { signal }).then((r) => r.data);
/** Adds an existing user, or changes the role of a member (the same call). */
export const postMember = (id: string, body: TMembershipAdd) => apiFetch<TMember>(`/workspaces/${id}/members`, { method: "POST", body });
export const destroyMember = (id: string, email: string) => apiFetch<void>(`/workspaces/${id}/members/${encodeURIComponent(email)}`, { method: "DELETE" });
/** The link's token is in the answer only: shown once, then only its hash is kept. */
export const postSignInLink = (id: string, body: TSignInLinkCreate) => apiFetch<TSignInLink>(`/workspaces/${id}/sign-in-links`, { method: "POST", body });

import type { TAuditPage } from "../validation/audit";
import { apiFetch } from "./api-client";

// Browser fetcher for Settings → Audit log (naming: see webhooks-api.ts).

export type TAuditFilters = { actor?: string; action?: string; target?: string; since?: string; until?: string };
/** Whose log: the current workspace's, or the installation's own (operators). */
export type TAuditSourceName = "workspace" | "installation";

/** Entries per page of the log. */
export const AUDIT_PAGE_SIZE = 50;

const PATHS: Record<TAuditSourceName, string> = { workspace: "/audit-log", installation: "/installation/audit-log" };

export const fetchAuditLog = (source: TAuditSourceName, filters: TAuditFilters, cursor: string | null, signal?: AbortSignal) => {
  const query = new URLSearchParams(
    Object.entries({ ...filters, cursor: cursor ?? undefined, limit: String(AUDIT_PAGE_SIZE) }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return apiFetch<TAuditPage>(`${PATHS[source]}?${query}`, { signal });
};

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TAuditFilters, TAuditSourceName } from "@/lib/client/audit-api";
import { auditKeys } from "@/lib/queries/keys";
import { useAuditLog } from "@/lib/queries/use-audit-log";
import { useLiveTopic } from "@/lib/queries/use-live-topic";
import { AuditFilters } from "./audit-filters";
import { AuditRow } from "./audit-row";

const SOURCE_LABELS: Record<TAuditSourceName, string> = { workspace: "This workspace", installation: "Installation (workspaces, users, sign-ins)" };

/**
 * Settings → Audit log: who changed what, newest first, filtered, a page at a time. An operator who
 * is also an admin here switches between the workspace's log and the installation's own.
 */
export function AuditLogPanel({ sources }: { sources: TAuditSourceName[] }) {
  const [source, setSource] = useState<TAuditSourceName>(sources[0] ?? "workspace");
  const [filters, setFilters] = useState<TAuditFilters>({});
  const log = useAuditLog(source, filters);
  const queryClient = useQueryClient();
  // Most changes are to webhooks (and Hookline's own disables come with deliveries): re-read then.
  useLiveTopic("webhooks", () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }));
  const entries = log.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="space-y-4">
      {sources.length > 1 ? (
        <fieldset className="inline-flex flex-wrap gap-1 rounded-lg bg-gray-100 p-1">
          <legend className="sr-only">Which log</legend>
          {sources.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={source === s}
              onClick={() => setSource(s)}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${source === s ? "bg-white text-gray-900 shadow-sm" : "text-gray-600 hover:text-gray-900"}`}
            >
              {SOURCE_LABELS[s]}
            </button>
          ))}
        </fieldset>
      ) : null}
      <AuditFilters values={filters} onChange={setFilters} />
      {log.error ? <ErrorAlert>The audit log could not be read: {log.error.message}</ErrorAlert> : null}
      {log.isPending ? (
        <p className="text-sm text-gray-500">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-8 text-center text-sm text-gray-600 shadow-sm ring-1 ring-gray-200">
          {Object.values(filters).some(Boolean) ? "No entries match these filters." : "Nothing recorded yet."}
        </p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-label="Audit entries">
          {entries.map((e) => (
            <AuditRow key={e.id} entry={e} />
          ))}
        </ul>
      )}
      {log.hasNextPage ? (
        <Button variant="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? "Loading…" : "Older entries"}
        </Button>
      ) : null}
    </div>
  );
}

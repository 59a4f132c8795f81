import Link from "next/link";
import { relativeTime } from "@/components/webhooks/summaries";
import { auditActionLabel, type TAuditEntry } from "@/lib/validation/audit";
import { changeLines } from "./audit-changes";

const KIND = { user: "user", api_key: "API key", oauth: "OAuth app", system: "Hookline" } as const;

/** Where a target's own page is, when it has one that still exists. */
function targetHref(e: TAuditEntry): string | null {
  if (!e.target.id || e.action.endsWith(".deleted")) return null;
  if (e.target.type === "webhook") return `/settings/webhooks/${e.target.id}`;
  if (e.target.type === "delivery") return `/settings/webhooks/deliveries/${e.target.id}`;
  return null;
}

/** One entry: what was done to what, by whom and from where, when, and the fields it changed. */
export function AuditRow({ entry: e }: { entry: TAuditEntry }) {
  const href = targetHref(e);
  const target = e.target.name ?? e.target.id;
  const lines = changeLines(e.changes);
  return (
    <li className="px-4 py-3" data-testid="audit-entry" data-action={e.action}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="min-w-0 text-sm text-gray-900">
          <span className="font-medium">{auditActionLabel(e.action)}</span>
          {target ? (
            <>
              {" "}
              {href ? (
                <Link href={href} className="font-mono text-xs break-all text-brand-700 hover:underline">
                  {target}
                </Link>
              ) : (
                <span className="font-mono text-xs break-all text-gray-700">{target}</span>
              )}
            </>
          ) : null}
        </p>
        <time dateTime={e.at} title={new Date(e.at).toLocaleString()} className="shrink-0 text-xs text-gray-500">
          {relativeTime(e.at)}
        </time>
      </div>
      <p className="mt-0.5 text-xs text-gray-600">
        by <span className="font-medium text-gray-800">{e.actor.name}</span>
        {e.actor.kind !== "system" ? <span className="text-gray-500"> ({KIND[e.actor.kind]})</span> : null}
        {e.address ? <span> · from {e.address}</span> : null}
      </p>
      {lines.length > 0 ? (
        <ul className="mt-1.5 space-y-0.5 rounded-md bg-gray-50 px-2.5 py-1.5 font-mono text-xs break-all text-gray-700">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

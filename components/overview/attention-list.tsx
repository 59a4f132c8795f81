import Link from "next/link";
import { StatusMark } from "@/components/webhooks/status-dot";
import { relativeTime } from "@/components/webhooks/summaries";
import type { TOverview, TOverviewWebhook } from "@/lib/validation/overview";

const when = (w: TOverviewWebhook) =>
  w.status === "disabled" && w.disabledAt
    ? `disabled ${relativeTime(w.disabledAt)}`
    : w.lastFailureAt && w.status === "failing"
      ? `last failed ${relativeTime(w.lastFailureAt)}`
      : null;

/** The webhooks, those that need someone first, each with why and a link to its page. */
export function AttentionList({ webhooks }: { webhooks: TOverview["webhooks"] }) {
  const { counts, top } = webhooks;
  const total = counts.working + counts.failing + counts.disabled;
  return (
    <section aria-labelledby="overview-webhooks" className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-200 px-4 py-3">
        <h2 id="overview-webhooks" className="text-base font-semibold text-gray-900">
          Webhooks
        </h2>
        <p className="text-sm text-gray-600" data-testid="webhook-counts">
          {counts.working.toLocaleString()} working · {counts.failing.toLocaleString()} failing · {counts.disabled.toLocaleString()} disabled
        </p>
      </div>
      {top.length === 0 ? (
        <p className="px-4 py-6 text-sm text-gray-600">
          No webhooks yet.{" "}
          <Link href="/settings/webhooks/new" className="font-medium text-brand-700 hover:underline">
            Add one
          </Link>{" "}
          to start delivering events.
        </p>
      ) : (
        <ul className="divide-y divide-gray-100">
          {top.map((w) => (
            <li key={w.id} className="flex items-start gap-3 px-4 py-3" data-testid="overview-webhook" data-status={w.status}>
              <span className="mt-1.5 flex">
                <StatusMark status={w.status} />
              </span>
              <div className="min-w-0 flex-1">
                <Link href={`/settings/webhooks/${w.id}`} className="block truncate text-sm font-medium text-gray-900 hover:text-brand-700 hover:underline">
                  {w.description || <span className="font-mono">{w.url}</span>}
                </Link>
                {w.description ? <p className="truncate font-mono text-xs text-gray-500">{w.url}</p> : null}
                <p className={`mt-0.5 text-sm ${w.status === "working" ? "text-gray-600" : w.status === "failing" ? "text-amber-700" : "text-gray-700"}`}>
                  {w.reason ?? "Working"}
                  {when(w) ? <span className="text-gray-500"> · {when(w)}</span> : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > top.length ? (
        <p className="border-t border-gray-200 px-4 py-3 text-sm">
          <Link href="/settings/webhooks" className="font-medium text-brand-700 hover:underline">
            All {total.toLocaleString()} webhooks →
          </Link>
        </p>
      ) : null}
    </section>
  );
}

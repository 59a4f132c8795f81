import type { TWebhook } from "@/lib/validation/webhook";

const DOT = { disabled: "bg-gray-400", working: "bg-green-500", failing: "bg-orange-500" } as const;

/** Worksection's three states: gray disabled (with the reason), green working, orange failing n/limit. */
export function statusText(w: Pick<TWebhook, "status" | "consecutiveFailures" | "failureLimit" | "disabledReason">): string {
  // A reason that says "Disabled …" itself reads as it is; older ones ("410 Gone") after "Disabled: ".
  if (w.status === "disabled")
    return w.disabledReason ? (/^Disabled\b/.test(w.disabledReason) ? w.disabledReason : `Disabled: ${w.disabledReason}`) : "Disabled";
  if (w.status === "failing")
    return `Working, has failed attempts: ${w.consecutiveFailures} of ${w.failureLimit} consecutive failures before it is switched off`;
  return "Working";
}

/** The coloured dot alone (its meaning is said beside it). */
export function StatusMark({ status }: { status: TWebhook["status"] }) {
  return <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${DOT[status]}`} data-status={status} />;
}

export function StatusDot({ webhook }: { webhook: Pick<TWebhook, "status" | "consecutiveFailures" | "failureLimit" | "disabledReason"> }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm text-gray-700" data-testid="webhook-status">
      <StatusMark status={webhook.status} />
      <span>{statusText(webhook)}</span>
    </span>
  );
}

/** In place of the status while an enable's test runs: not green, as nothing is enabled yet. */
export function TestingNote() {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-gray-700" data-testid="webhook-status">
      <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 animate-pulse rounded-full bg-gray-400" />
      <span>Testing the URL before enabling…</span>
    </span>
  );
}

"use client";

import { CodeBlock } from "@/components/ui/code-block";
// An attempt as the delivery page lists it. A late one (its worker's result arrived after the
// delivery was taken over) says so on its line and, opened, what that means for the receiver.
import { ChevronRightIcon } from "@/components/ui/icons";
import type { TAttempt } from "@/lib/validation/delivery";
import { errorClassLabel } from "@/lib/validation/error-class";
import { formatTime } from "./delivery-status";

export function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return <p className="text-xs text-gray-500">none</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries(headers).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-gray-500">{k}</dt>
          <dd className="break-all text-gray-800">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** How an attempt ended, in words: "HTTP 200", "Error status · HTTP 500", "Timed out". */
export function attemptOutcome(attempt: Pick<TAttempt, "errorClass" | "statusCode">): string {
  if (!attempt.errorClass) return `HTTP ${attempt.statusCode}`;
  return `${errorClassLabel(attempt.errorClass)}${attempt.statusCode ? ` · HTTP ${attempt.statusCode}` : ""}`;
}

/** One attempt: a summary line (a chevron and "Details" say it opens) that opens on its request and response. */
export function AttemptCard({ attempt }: { attempt: TAttempt }) {
  const outcome = attemptOutcome(attempt);
  return (
    <li className="rounded-lg ring-1 ring-gray-200" data-testid="attempt">
      <details className="group">
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 rounded-lg px-4 py-3 text-sm hover:bg-gray-50">
          <span className="flex items-center gap-1.5 font-semibold text-gray-900">
            <ChevronRightIcon width={16} height={16} className="shrink-0 text-gray-500 transition-transform group-open:rotate-90" />
            Attempt {attempt.number}
          </span>
          <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">{attempt.trigger}</span>
          {attempt.isLate ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">late · taken over</span> : null}
          <span className="text-gray-600">{formatTime(attempt.startedAt)}</span>
          <span className="text-gray-600">{attempt.durationMs} ms</span>
          <span className={attempt.errorClass ? "font-medium text-red-700" : "font-medium text-green-700"}>{outcome}</span>
          <span className="ml-auto text-xs font-medium text-brand-700 group-open:hidden">Request and response</span>
          <span className="ml-auto hidden text-xs font-medium text-brand-700 group-open:inline">Hide</span>
        </summary>
        <div className="space-y-3 border-t border-gray-200 px-4 py-3">
          {attempt.isLate ? (
            <p className="text-sm text-amber-900">
              Recorded after another worker had taken this delivery over: the receiver got this request and a later one with the same Delivery id. It changed
              neither the delivery's status nor the webhook's health.
            </p>
          ) : null}
          {attempt.errorMessage ? <p className="text-sm text-red-700">{attempt.errorMessage}</p> : null}
          <div>
            <p className="mb-1 text-xs font-semibold text-gray-600">Request headers (secrets masked)</p>
            <Headers headers={attempt.requestHeaders} />
          </div>
          <div>
            <p className="mb-1 text-xs font-semibold text-gray-600">Response headers</p>
            <Headers headers={attempt.responseHeaders} />
          </div>
          <div>
            <p className="mb-1 text-xs font-semibold text-gray-600">Response body{attempt.isBodyTruncated ? " (first 64 KiB)" : ""}</p>
            <CodeBlock className="max-h-48 overflow-auto rounded bg-gray-50 p-2 font-mono text-xs break-all whitespace-pre-wrap">
              {attempt.responseBody || "(empty)"}
            </CodeBlock>
          </div>
        </div>
      </details>
    </li>
  );
}

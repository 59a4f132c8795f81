"use client";

import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { useDelivery } from "@/lib/queries/use-delivery";
import { useRedeliver } from "@/lib/queries/use-redeliver";
import type { TAttempt } from "@/lib/validation/delivery";
import { describeOutcome } from "@/lib/validation/error-class";
import { DeliveryStatus, formatTime } from "./delivery-status";
import { SignatureDebugger } from "./signature-debugger";

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

function Headers({ headers }: { headers: Record<string, string> | null }) {
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

function AttemptCard({ attempt }: { attempt: TAttempt }) {
  const outcome = attempt.errorClass ? `${attempt.errorClass}${attempt.statusCode ? ` · HTTP ${attempt.statusCode}` : ""}` : `HTTP ${attempt.statusCode}`;
  return (
    <li className="rounded-lg ring-1 ring-gray-200" data-testid="attempt">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
          <span className="font-semibold text-gray-900">Attempt {attempt.number}</span>
          <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">{attempt.trigger}</span>
          {attempt.isLate ? (
            <span
              className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900"
              title="Recorded after another worker had taken this delivery over: the receiver got this request and a later one with the same Delivery id. It changed neither the delivery's status nor the webhook's health."
            >
              late · taken over
            </span>
          ) : null}
          <span className="text-gray-600">{formatTime(attempt.startedAt)}</span>
          <span className="text-gray-600">{attempt.durationMs} ms</span>
          <span className={attempt.errorClass ? "font-medium text-red-700" : "font-medium text-green-700"}>{outcome}</span>
        </summary>
        <div className="space-y-3 border-t border-gray-200 px-4 py-3">
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
            <pre className="max-h-48 overflow-auto rounded bg-gray-50 p-2 font-mono text-xs break-all whitespace-pre-wrap">
              {attempt.responseBody || "(empty)"}
            </pre>
          </div>
        </div>
      </details>
    </li>
  );
}

export function DeliveryDetail({ id }: { id: string }) {
  const toast = useToast();
  const delivery = useDelivery(id);
  const again = useRedeliver(id);
  if (delivery.isPending) return <p className="text-sm text-gray-500">Loading…</p>;
  if (delivery.error)
    return (
      <ErrorAlert>
        {delivery.error.message.includes("not found") ? `No delivery ${id} (it may be older than the retention period).` : delivery.error.message}
      </ErrorAlert>
    );
  const d = delivery.data;
  const latest = d.attempts.at(-1);
  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-gray-500">Delivery</dt>
            <dd className="font-mono break-all">{d.id}</dd>
            <dt className="text-gray-500">Event</dt>
            <dd className="font-mono">
              {d.event}{" "}
              <Link href={`/settings/webhooks/events/${d.eventId}`} className="text-xs text-brand-700 underline underline-offset-2">
                all deliveries of this event
              </Link>
            </dd>
            <dt className="text-gray-500">Project</dt>
            <dd>{d.projectId ?? "—"}</dd>
            <dt className="text-gray-500">Webhook</dt>
            <dd className="font-mono break-all">
              <Link href={`/settings/webhooks/${d.webhookId}`} className="text-brand-700 hover:underline">
                {d.webhookUrl}
              </Link>
            </dd>
            <dt className="text-gray-500">Status</dt>
            <dd>
              <DeliveryStatus delivery={d} />
              {d.isParked ? (
                <span className="mt-1 block text-xs text-gray-700" data-testid="parked-note">
                  Parked: the webhook is disabled. It is sent when you{" "}
                  <Link href={`/settings/webhooks/${d.webhookId}`} className="font-medium text-brand-700 underline">
                    enable the webhook
                  </Link>
                  , or now with Redeliver.
                </span>
              ) : d.nextAttemptAt ? (
                <span className="ml-2 text-xs text-gray-600">next attempt {formatTime(d.nextAttemptAt)}</span>
              ) : null}
            </dd>
            <dt className="text-gray-500">Created</dt>
            <dd>{formatTime(d.createdAt)}</dd>
            <dt className="text-gray-500">Completed</dt>
            <dd>{d.completedAt ? formatTime(d.completedAt) : "—"}</dd>
          </dl>
          <Button
            disabled={again.isPending || d.status === "in_flight"}
            onClick={() =>
              again.mutate(undefined, {
                onSuccess: (r) => {
                  const attempt = r.attempts.at(-1);
                  if (!attempt) return;
                  if (attempt.errorClass) toast.error(`Redelivery failed: ${describeOutcome(attempt)}`);
                  else toast.success(`Redelivered: ${describeOutcome(attempt)} in ${attempt.durationMs} ms`);
                },
                onError: (e) => toast.error(e.message),
              })
            }
          >
            {again.isPending ? "Redelivering…" : "Redeliver"}
          </Button>
        </div>
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <h2 className="text-base font-semibold text-gray-900">Request as sent</h2>
        <p className="mt-1 text-xs font-semibold text-gray-600">
          Headers{latest ? ` of attempt ${latest.number} (each attempt has its own timestamp and signatures; secrets masked)` : ""}
        </p>
        <div className="mt-1">{latest ? <Headers headers={latest.requestHeaders} /> : <p className="text-xs text-gray-500">Not sent yet.</p>}</div>
        <div className="mt-4 flex items-center justify-between">
          <p className="text-xs font-semibold text-gray-600">Body (the same bytes on every attempt; shown pretty-printed, copied exactly)</p>
          <CopyButton value={d.requestBody} />
        </div>
        <pre className="mt-2 max-h-80 overflow-auto rounded bg-gray-50 p-3 font-mono text-xs">{pretty(d.requestBody)}</pre>
      </section>

      <section>
        <h2 className="text-base font-semibold text-gray-900">Attempts ({d.attempts.length})</h2>
        {d.attempts.length === 0 ? <p className="mt-2 text-sm text-gray-600">Not attempted yet.</p> : null}
        <ol className="mt-3 space-y-2">
          {d.attempts.map((a) => (
            <AttemptCard key={a.number} attempt={a} />
          ))}
        </ol>
      </section>

      <SignatureDebugger
        deliveryId={d.id}
        body={d.requestBody}
        timestamp={latest?.requestHeaders["webhook-timestamp"] ?? null}
        twentyTimestamp={latest?.requestHeaders["X-Twenty-Webhook-Timestamp"] ?? null}
      />
    </div>
  );
}

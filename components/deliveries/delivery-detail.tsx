"use client";

import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { useDelivery } from "@/lib/queries/use-delivery";
import { useRedeliver } from "@/lib/queries/use-redeliver";
import { describeOutcome } from "@/lib/validation/error-class";
import { AttemptCard, Headers } from "./attempt-card";
import { DeliveryStatus, formatTime, retryText } from "./delivery-status";
import { SignatureDebugger } from "./signature-debugger";

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

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
              ) : retryText(d) ? (
                <span className="mt-1 block text-xs text-amber-800" data-testid="retry-note">
                  {retryText(d)}
                </span>
              ) : d.nextAttemptAt && !d.waitingFor ? (
                <span className="ml-2 text-xs text-gray-600">next attempt {formatTime(d.nextAttemptAt)}</span>
              ) : null}
              {d.waitingFor ? (
                <span className="mt-1 block text-xs text-amber-800" data-testid="waiting-for">
                  Waiting for delivery{" "}
                  <Link href={`/settings/webhooks/deliveries/${d.waitingFor}`} className="font-mono font-medium underline">
                    {d.waitingFor.slice(0, 8)}
                  </Link>
                  : this webhook delivers in order, and it goes once that one has succeeded or failed for good.
                </span>
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
        <CodeBlock className="mt-2 max-h-80 overflow-auto rounded bg-gray-50 p-3 font-mono text-xs">{pretty(d.requestBody)}</CodeBlock>
        {d.schemaErrors?.length ? (
          <div className="mt-4 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="schema-errors">
            <p className="text-sm font-medium text-amber-900">The data does not match the schema of {d.event}</p>
            <p className="mt-0.5 text-xs text-amber-800">Accepted and delivered as published (HOOKLINE_VALIDATE_PAYLOADS=warn). What the schema refused:</p>
            <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs break-words text-amber-900">
              {d.schemaErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
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

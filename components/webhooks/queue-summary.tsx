"use client";

import { useWebhookQueue } from "@/lib/queries/use-webhook-queue";
import type { TWebhookQueue } from "@/lib/validation/delivery";

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Why queued deliveries wait, in the admin's words; null when nothing holds them back. */
export function heldBackText(q: TWebhookQueue): string | null {
  if (q.heldBack === "in_flight_limit") return `Held back by its limit of ${count(q.maxInFlight, "request")} in flight`;
  if (q.heldBack === "rate_limit") return `Held back by its rate limit of ${count(q.rateLimitPerSecond ?? 0, "request")} per second`;
  if (q.heldBack === "disabled") return "Parked: the webhook is disabled; enabling it sends them";
  return null;
}

/**
 * "12 queued · 16 in flight of 16 · 3 retries scheduled"; a disabled webhook's pending deliveries
 * are "parked", never "scheduled": nothing is tried until it is enabled.
 */
export function queueText(q: TWebhookQueue): string {
  const inFlight = `${q.inFlight.toLocaleString()} in flight of ${q.maxInFlight.toLocaleString()}`;
  if (q.heldBack === "disabled") return `${count(q.queued + q.scheduled, "delivery", "deliveries")} parked · ${inFlight}`;
  return `${count(q.queued, "queued", "queued")} · ${inFlight}${q.scheduled > 0 ? ` · ${count(q.scheduled, "retry", "retries")} scheduled` : ""}`;
}

/** The queue in one line (queueText), and what holds it back. */
export function QueueSummary({ webhookId }: { webhookId: string }) {
  const queue = useWebhookQueue(webhookId);
  if (!queue.data) return <dd className="text-gray-500">{queue.error ? "could not be read" : "…"}</dd>;
  const q = queue.data;
  const held = heldBackText(q);
  return (
    <dd data-testid="webhook-queue" aria-live="polite">
      <span>{queueText(q)}</span>
      {held ? (
        <span className="mt-0.5 block text-xs font-medium text-amber-700" data-held-back={q.heldBack}>
          {held}
        </span>
      ) : null}
      {q.heldBackInOrder > 0 ? (
        <span className="mt-0.5 block text-xs font-medium text-amber-700" data-testid="held-back-in-order">
          {count(q.heldBackInOrder, "delivery", "deliveries")} held back, in order, behind one that has not succeeded yet
        </span>
      ) : null}
    </dd>
  );
}

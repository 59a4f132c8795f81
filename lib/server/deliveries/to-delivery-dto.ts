import "server-only";
import { deliveryConfig } from "../../delivery/config";
import type { Attempt, Delivery, Event, Webhook } from "../../generated/prisma/client";
import type { TAttempt, TDelivery } from "../../validation/delivery";

export type TDeliveryRow = Delivery & {
  event: Pick<Event, "type" | "projectId">;
  webhook: Pick<Webhook, "enabled">;
  /** Its attempts, or at least its last one (for lastDurationMs); none read: null. */
  attempts?: Pick<Attempt, "number" | "durationMs">[];
};

/** The last attempt only, for lastDurationMs: one indexed row per delivery. */
export const LAST_ATTEMPT = { orderBy: { number: "desc" as const }, take: 1, select: { number: true, durationMs: true } };

/** What a delivery of the log is read with (toDeliveryDto's input). */
export const DELIVERY_ROW_INCLUDE = {
  event: { select: { type: true, projectId: true } },
  webhook: { select: { enabled: true } },
  attempts: LAST_ATTEMPT,
};

/** The duration of the attempt with the highest number. */
function lastDuration(attempts: TDeliveryRow["attempts"]): number | null {
  const last = attempts?.reduce<Pick<Attempt, "number" | "durationMs"> | null>((a, b) => (a && a.number >= b.number ? a : b), null);
  return last?.durationMs ?? null;
}

export function toDeliveryDto(d: TDeliveryRow): TDelivery {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    event: d.event.type,
    projectId: d.event.projectId,
    status: d.status,
    attemptCount: d.attemptCount,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    // Workers skip a disabled webhook's deliveries: its next attempt time means nothing until it is enabled.
    isParked: d.status === "pending" && !d.webhook.enabled,
    maxAttempts: deliveryConfig().retrySchedule.length + 1,
    lastStatusCode: d.lastStatusCode,
    lastDurationMs: lastDuration(d.attempts),
    lastErrorClass: d.lastErrorClass,
    createdAt: d.createdAt.toISOString(),
    completedAt: d.completedAt?.toISOString() ?? null,
  };
}

export function toAttemptDto(a: Attempt): TAttempt {
  return {
    number: a.number,
    trigger: a.trigger,
    startedAt: a.startedAt.toISOString(),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    errorClass: a.errorClass,
    errorMessage: a.errorMessage,
    requestHeaders: a.requestHeaders as Record<string, string>,
    responseHeaders: (a.responseHeaders as Record<string, string> | null) ?? null,
    responseBody: a.responseBody,
    isBodyTruncated: a.isBodyTruncated,
    isLate: a.isLate,
  };
}

import "server-only";
import type { Attempt, Delivery, Event } from "../../generated/prisma/client";
import type { TAttempt, TDelivery } from "../../validation/delivery";

export function toDeliveryDto(d: Delivery & { event: Pick<Event, "type" | "projectId"> }): TDelivery {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    event: d.event.type,
    projectId: d.event.projectId,
    status: d.status,
    attemptCount: d.attemptCount,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode,
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
  };
}

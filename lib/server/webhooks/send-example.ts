import "server-only";
import { randomUUID } from "node:crypto";
import { auditedChange } from "../../db/audited-change";
import { announceWorkspaces } from "../../db/change-feed";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { maskHeaders } from "../../delivery/build-request";
import { deliveryConfig } from "../../delivery/config";
import { clean, cleanHeaders } from "../../delivery/record-attempts";
import { describeTestFailure, savedPingTarget, sendTestEvent, toTestResult } from "../../delivery/send-test-ping";
import { DomainError } from "../../errors/domain-error";
import type { Webhook } from "../../generated/prisma/client";
import type { TTestResult } from "../../validation/webhook";
import { getEventType } from "../event-types/event-types";
import { webhookTarget } from "./webhook-audit";

/**
 * Send example: the event type's example, signed as a delivery of it would be, sent now to the saved
 * webhook, and kept in the delivery log as a test: an Event (isTest: published to nobody else, left
 * out of the overview's counts and of replays) with one Delivery to this webhook and its one attempt
 * (trigger "test"). A test never counts toward the webhook's health and is not retried. The request
 * is made before anything is written (no transaction held over the network); the record and its
 * audit entry are then one transaction.
 */
export async function sendExample(ctx: TWorkspaceContext, row: Webhook, type: string): Promise<TTestResult> {
  const eventType = await getEventType(ctx, type).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") throw DomainError.invalid("event", `Unknown event type "${type}"`);
    throw error;
  });
  if (eventType.example === null)
    throw DomainError.invalid("event", `${type} has no example: register one with PATCH /api/v1/event-types/${encodeURIComponent(type)}`);
  const event = { id: randomUUID(), deliveryId: randomUUID(), type, payload: eventType.example, sentAt: new Date() };
  const { allow, timeoutMs } = deliveryConfig();
  const target = savedPingTarget(row);
  const { headers, result } = await sendTestEvent(target, event, { allow, timeoutMs });
  const finishedAt = new Date(event.sentAt.getTime() + result.durationMs);
  const workspaceId = ctx.workspace.id;
  await auditedChange(
    ctx,
    async (tx) => {
      await tx.event.create({
        data: { id: event.id, workspaceId, type, payload: event.payload as object, occurredAt: event.sentAt, isTest: true },
      });
      await tx.delivery.create({
        data: {
          id: event.deliveryId,
          workspaceId,
          webhookId: row.id,
          eventId: event.id,
          status: result.ok ? "succeeded" : "failed",
          attemptCount: 1,
          nextAttemptAt: event.sentAt,
          createdAt: event.sentAt,
          completedAt: finishedAt,
          lastStatusCode: result.statusCode,
          lastErrorClass: result.errorClass,
        },
      });
      await tx.attempt.create({
        data: {
          deliveryId: event.deliveryId,
          number: 1,
          trigger: "test",
          startedAt: event.sentAt,
          durationMs: result.durationMs,
          requestHeaders: maskHeaders(headers, target.customHeaders),
          statusCode: result.statusCode,
          responseHeaders: cleanHeaders(result.responseHeaders),
          responseBody: clean(result.responseBody),
          isBodyTruncated: result.isBodyTruncated,
          errorClass: result.errorClass,
          errorMessage: clean(result.errorMessage),
        },
      });
    },
    {
      action: "webhook.tested",
      target: webhookTarget(row),
      changes: {
        event: type,
        ok: result.ok,
        outcome: result.ok ? `HTTP ${result.statusCode}` : describeTestFailure(toTestResult(result)),
        deliveryId: event.deliveryId,
      },
    },
  );
  announceWorkspaces(ctx.prisma, [{ workspaceId }], ["deliveries"]);
  return { ...toTestResult(result), event: type, deliveryId: event.deliveryId };
}

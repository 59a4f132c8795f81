import "server-only";
import type { PrismaClient } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { TClaimed } from "./claim-deliveries";
import type { TSendResult } from "./send-request";

export type TOutcome = { kind: "succeeded" } | { kind: "retry"; at: Date } | { kind: "failed" };

type TRecord = {
  claimed: TClaimed;
  owner: string;
  startedAt: Date;
  finishedAt: Date;
  requestHeaders: Record<string, string>;
  result: TSendResult;
  outcome: TOutcome;
  failureLimit: number;
  /** Who asked for this attempt; by default the first is "auto" and later ones "retry". */
  trigger?: "auto" | "retry" | "manual";
};

export const AUTO_DISABLE_REASON = (limit: number) => `${limit} consecutive failed deliveries`;
export const GONE_REASON = "The receiver answered 410 Gone";

/**
 * Writes the attempt and the delivery's new state in one transaction, fenced on the lease: if
 * another worker took the delivery over (our lease expired), nothing is written and false is
 * returned. Then the webhook's health: a success resets the failure count, a failure increments it
 * and disables the webhook at the limit (its pending deliveries stay pending, to be replayed).
 */
export async function recordAttempt(db: PrismaClient, r: TRecord): Promise<boolean> {
  const { claimed, result, outcome } = r;
  return db.$transaction(async (tx) => {
    const fenced = await tx.delivery.updateMany({
      where: { id: claimed.id, leaseOwner: r.owner, attemptCount: claimed.attemptCount, status: "in_flight" },
      data: {
        status: outcome.kind === "retry" ? "pending" : outcome.kind,
        nextAttemptAt: outcome.kind === "retry" ? outcome.at : undefined,
        completedAt: outcome.kind === "retry" ? null : r.finishedAt,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastStatusCode: result.statusCode,
      },
    });
    if (fenced.count === 0) return false;
    await tx.attempt.create({
      data: {
        deliveryId: claimed.id,
        number: claimed.attemptCount,
        trigger: r.trigger ?? (claimed.attemptCount === 1 ? "auto" : "retry"),
        startedAt: r.startedAt,
        durationMs: result.durationMs,
        requestHeaders: r.requestHeaders,
        statusCode: result.statusCode,
        responseHeaders: result.responseHeaders as Prisma.InputJsonValue,
        responseBody: result.responseBody,
        isBodyTruncated: result.isBodyTruncated,
        errorClass: result.errorClass,
        errorMessage: result.errorMessage,
      },
    });
    const at = r.finishedAt;
    if (result.ok) {
      await tx.webhook.update({ where: { id: claimed.webhookId }, data: { consecutiveFailures: 0, lastSuccessAt: at, lastDeliveryAt: at } });
      return true;
    }
    await tx.webhook.update({ where: { id: claimed.webhookId }, data: { consecutiveFailures: { increment: 1 }, lastFailureAt: at, lastDeliveryAt: at } });
    if (result.statusCode === 410) {
      await tx.webhook.updateMany({ where: { id: claimed.webhookId, enabled: true }, data: { enabled: false, disabledReason: GONE_REASON, disabledAt: at } });
    } else {
      await tx.webhook.updateMany({
        where: { id: claimed.webhookId, enabled: true, consecutiveFailures: { gte: r.failureLimit } },
        data: { enabled: false, disabledReason: AUTO_DISABLE_REASON(r.failureLimit), disabledAt: at },
      });
    }
    return true;
  });
}

import "server-only";
import type { PrismaClient } from "../db";
import { openSecret, signingTokens } from "../server/webhooks/webhook-secrets";
import { buildHeaders, envelope, maskHeaders } from "./build-request";
import type { TClaimed } from "./claim-deliveries";
import type { TDeliveryConfig } from "./config";
import { recordAttempt, type TOutcome } from "./record-attempt";
import type { TResolver } from "./safe-lookup";
import { nextAttemptAt } from "./schedule-retry";
import { sendRequest, type TSendResult } from "./send-request";

export const RESPONSE_BODY_CAP = 64 * 1024;

export type TSendContext = { db: PrismaClient; owner: string; config: TDeliveryConfig; now: () => Date; resolver?: TResolver };

function outcomeOf(result: TSendResult, attemptCount: number, config: TDeliveryConfig, now: Date): TOutcome {
  if (result.ok) return { kind: "succeeded" };
  const at = nextAttemptAt({
    attemptCount,
    schedule: config.retrySchedule,
    statusCode: result.statusCode,
    retryAfter: result.responseHeaders["retry-after"],
    now,
  });
  return at ? { kind: "retry", at } : { kind: "failed" };
}

/** One attempt of one claimed delivery: sign, POST (no transaction open meanwhile), record. */
export async function sendDelivery(ctx: TSendContext, claimed: TClaimed, trigger?: "manual"): Promise<{ isRecorded: boolean; result: TSendResult }> {
  const [webhook, event] = await Promise.all([
    ctx.db.webhook.findUniqueOrThrow({ where: { id: claimed.webhookId } }),
    ctx.db.event.findUniqueOrThrow({ where: { id: claimed.eventId } }),
  ]);
  const startedAt = ctx.now();
  const body = envelope(event);
  const headers = buildHeaders({
    deliveryId: claimed.id,
    eventType: event.type,
    body,
    tokens: signingTokens(webhook, startedAt),
    httpUser: webhook.httpUser,
    httpPassword: webhook.httpPasswordCiphertext ? openSecret(webhook.httpPasswordCiphertext) : null,
    sentAt: startedAt,
  });
  const result = await sendRequest({
    url: webhook.url,
    headers,
    body,
    timeoutMs: ctx.config.timeoutMs,
    maxBodyBytes: RESPONSE_BODY_CAP,
    allow: ctx.config.allow,
    resolver: ctx.resolver,
  });
  const finishedAt = ctx.now();
  const isRecorded = await recordAttempt(ctx.db, {
    claimed,
    owner: ctx.owner,
    startedAt,
    finishedAt,
    requestHeaders: maskHeaders(headers),
    result,
    outcome: outcomeOf(result, claimed.attemptCount, ctx.config, finishedAt),
    failureLimit: ctx.config.failureLimit,
    trigger,
  });
  return { isRecorded, result };
}

import "server-only";
import { storedSignatureFamilies } from "../validation/signature-family";
import { buildHeaders, envelope, maskHeaders } from "./build-request";
import type { TClaimed } from "./claim-deliveries";
import type { TDeliveryConfig } from "./config";
import { openHeaders, storedHeaders } from "./custom-headers";
import { countAttempt, hooklineMetrics } from "./metrics";
import { nextAttemptAt } from "./next-attempt-at";
import type { AttemptRecorder, TOutcome, TRecorded, TTrigger } from "./record-attempts";
import { sendRequest, type TSendResult } from "./send-request";
import type { TResolver } from "./ssrf/safe-lookup";
import { openSecret, signingTokens } from "./webhook-secrets";

export const RESPONSE_BODY_CAP = 64 * 1024;

export type TAttemptContext = { recorder: AttemptRecorder; owner: string; config: TDeliveryConfig; now: () => Date; resolver?: TResolver };

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

/**
 * One attempt of one claimed delivery: sign, POST (no transaction open meanwhile), record. `onAnswered`
 * runs the moment the request is over (answered, refused or timed out), before the record is written:
 * the worker's slot is free from then on (lib/delivery/worker.ts).
 */
export async function attemptDelivery(
  ctx: TAttemptContext,
  claimed: TClaimed,
  trigger?: TTrigger,
  onAnswered?: () => void,
): Promise<{ recorded: TRecorded; result: TSendResult }> {
  const startedAt = ctx.now();
  const body = envelope({
    id: claimed.eventId,
    type: claimed.eventType,
    occurredAt: claimed.occurredAt,
    projectId: claimed.projectId,
    payload: claimed.payload,
  });
  const own = openHeaders(storedHeaders(claimed.customHeaders));
  const headers = buildHeaders({
    deliveryId: claimed.id,
    eventType: claimed.eventType,
    body,
    tokens: signingTokens(claimed, startedAt),
    signatureFamilies: storedSignatureFamilies(claimed.signatureFamilies),
    httpUser: claimed.httpUser,
    httpPassword: claimed.httpPasswordCiphertext ? openSecret(claimed.httpPasswordCiphertext) : null,
    customHeaders: own,
    sentAt: startedAt,
  });
  const metrics = hooklineMetrics();
  metrics.inFlight.inc();
  let result: TSendResult;
  try {
    result = await sendRequest({
      url: claimed.url,
      headers,
      body,
      timeoutMs: ctx.config.timeoutMs,
      maxBodyBytes: RESPONSE_BODY_CAP,
      allow: ctx.config.allow,
      resolver: ctx.resolver,
    });
  } finally {
    metrics.inFlight.dec();
  }
  countAttempt(result, claimed.workspaceId, metrics);
  const finishedAt = ctx.now();
  onAnswered?.();
  const recorded = await ctx.recorder.record({
    claimed,
    owner: ctx.owner,
    startedAt,
    finishedAt,
    requestHeaders: maskHeaders(headers, own),
    result,
    outcome: outcomeOf(result, claimed.attemptCount, ctx.config, finishedAt),
    trigger,
  });
  return { recorded, result };
}

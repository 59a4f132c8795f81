import "server-only";
import type { PrismaClient } from "../db";
import type { TClaimed } from "./claim-deliveries";
import { GroupCommit } from "./runtime/group-commit";
import type { TSendResult } from "./send-request";
import { healthUpdateSql } from "./webhook-health";

export type TOutcome = { kind: "succeeded" } | { kind: "retry"; at: Date } | { kind: "failed" };
export type TTrigger = "auto" | "retry" | "manual";

export type TAttemptRecord = {
  claimed: Pick<TClaimed, "id" | "webhookId" | "attemptCount">;
  owner: string;
  startedAt: Date;
  finishedAt: Date;
  requestHeaders: Record<string, string>;
  result: TSendResult;
  outcome: TOutcome;
  /** Who asked for this attempt; by default the first is "auto" and later ones "retry". */
  trigger?: TTrigger;
};

// PostgreSQL text cannot hold NUL; a receiver's answer may. Stored as U+FFFD rather than failing
// the whole batch (and with it every delivery in it) forever.
const clean = (s: string | null) => (s === null ? null : s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s);
const cleanHeaders = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [clean(k), clean(v)]));

/**
 * Records finished attempts, all in one statement (atomic, one round trip for any batch size).
 * Each is fenced on its lease: when another worker took the delivery over (ours expired), its
 * attempt is dropped and it comes back false. From the recorded ones, each webhook's health, by the
 * rules of lib/delivery/webhook-health.ts, in the same statement.
 */
export async function recordAttempts(db: PrismaClient, records: TAttemptRecord[], failureLimit: number): Promise<boolean[]> {
  if (records.length === 0) return [];
  const rows = records.map((r) => ({
    id: r.claimed.id,
    webhook_id: r.claimed.webhookId,
    owner: r.owner,
    attempt: r.claimed.attemptCount,
    status: r.outcome.kind === "retry" ? "pending" : r.outcome.kind,
    next_at: r.outcome.kind === "retry" ? r.outcome.at.toISOString() : null,
    completed_at: r.outcome.kind === "retry" ? null : r.finishedAt.toISOString(),
    trigger: r.trigger ?? (r.claimed.attemptCount === 1 ? "auto" : "retry"),
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt.toISOString(),
    duration_ms: r.result.durationMs,
    request_headers: r.requestHeaders,
    ok: r.result.ok,
    status_code: r.result.statusCode,
    response_headers: cleanHeaders(r.result.responseHeaders),
    response_body: clean(r.result.responseBody),
    is_truncated: r.result.isBodyTruncated,
    error_class: r.result.errorClass,
    error_message: clean(r.result.errorMessage),
  }));
  const recorded = await db.$queryRaw<{ id: string }[]>`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        id uuid, webhook_id uuid, owner text, attempt int, status text, next_at timestamp, completed_at timestamp, trigger text,
        started_at timestamp, finished_at timestamp, duration_ms int, request_headers jsonb, ok boolean, status_code int,
        response_headers jsonb, response_body text, is_truncated boolean, error_class text, error_message text)
    ),
    fenced as (
      update "Delivery" d set
        status = v.status::"DeliveryStatus",
        "nextAttemptAt" = coalesce(v.next_at, d."nextAttemptAt"),
        "completedAt" = v.completed_at,
        "leaseOwner" = null,
        "leaseExpiresAt" = null,
        "lastStatusCode" = v.status_code,
        "lastErrorClass" = v.error_class
      from v
      where d.id = v.id and d."leaseOwner" = v.owner and d."attemptCount" = v.attempt and d.status = 'in_flight'
      returning d.id
    ),
    attempts as (
      insert into "Attempt" (id, "deliveryId", number, trigger, "startedAt", "durationMs", "requestHeaders", "statusCode",
        "responseHeaders", "responseBody", "isBodyTruncated", "errorClass", "errorMessage")
      select gen_random_uuid(), v.id, v.attempt, v.trigger::"AttemptTrigger", v.started_at, v.duration_ms, v.request_headers,
        v.status_code, v.response_headers, v.response_body, v.is_truncated, v.error_class, v.error_message
      from v join fenced f on f.id = v.id
      returning "deliveryId"
    ),
    outcomes as (
      select v.* from v join fenced f on f.id = v.id
    ),
    ${healthUpdateSql(failureLimit)}
    select "deliveryId" as id from attempts cross join (select count(*) from webhooks) as health_written`;
  const isRecorded = new Set(recorded.map((r) => r.id));
  return records.map((r) => isRecorded.has(r.claimed.id));
}

/** Records attempts by group commit (see GroupCommit): what finishes together is written together. */
export class AttemptRecorder {
  private readonly commits: GroupCommit<TAttemptRecord, boolean>;

  constructor(db: PrismaClient, failureLimit: number) {
    this.commits = new GroupCommit((records) => recordAttempts(db, records, failureLimit));
  }

  /** Resolves once written: true, or false when the lease was lost and the attempt dropped. */
  record(record: TAttemptRecord): Promise<boolean> {
    return this.commits.add(record);
  }
}

import "server-only";
import type { PrismaClient } from "../db";
import { announceWorkspaces } from "../db/change-feed";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { PREPARED } from "../db/pg-adapter";
import { Prisma } from "../generated/prisma/client";
import type { TClaimed } from "./claim-deliveries";
import { statsUpdateSql } from "./delivery-stats";
import { noticesSql } from "./notices/notices-sql";
import { GroupCommit } from "./runtime/group-commit";
import type { TSendResult } from "./send-request";
import { healthUpdateSql } from "./webhook-health";

export type TOutcome = { kind: "succeeded" } | { kind: "retry"; at: Date } | { kind: "failed" };
export type TTrigger = "auto" | "retry" | "manual";

export type TAttemptRecord = {
  claimed: Pick<TClaimed, "id" | "workspaceId" | "webhookId" | "attemptCount">;
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
export const clean = (s: string | null) => (s === null ? null : s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s);
export const cleanHeaders = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [clean(k), clean(v)]));

/**
 * What became of a record: "recorded" as the delivery's outcome; "late" when the delivery had been
 * claimed again meanwhile (the lease was reaped or had expired), so the attempt is kept in its log,
 * marked late, but changes nothing else; "dropped" when there is nothing to keep it for (not ours).
 */
export type TRecorded = "recorded" | "late" | "dropped";

/**
 * Records finished attempts, all in one statement (atomic, one round trip for any batch size).
 * Each is fenced on its lease, owner and attemptCount (every claim counts one more, so the count is
 * the lease's epoch): a record whose lease was taken over never overwrites the new owner's status or
 * result, and counts nowhere toward the webhook's health or limits; the request was made, though,
 * so it is kept as a late attempt under its own number. From the recorded ones, each webhook's
 * health, by the rules of lib/delivery/webhook-health.ts, and the workspace's hourly counts for the
 * overview (lib/delivery/delivery-stats.ts), in the same statement.
 */
export async function recordAttempts(db: PrismaClient, records: TAttemptRecord[], failureLimit: number): Promise<TRecorded[]> {
  if (records.length === 0) return [];
  const rows = records.map((r) => ({
    id: r.claimed.id,
    workspace_id: r.claimed.workspaceId,
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
  const recorded = await db.$queryRaw<{ id: string; isLate: boolean }[]>`${Prisma.raw(PREPARED)}
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        id uuid, workspace_id uuid, webhook_id uuid, owner text, attempt int, status text, next_at timestamp, completed_at timestamp, trigger text,
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
      returning d.id, d."createdAt" as created_at
    ),
    attempts as (
      insert into "Attempt" (id, "deliveryId", number, trigger, "startedAt", "durationMs", "requestHeaders", "statusCode",
        "responseHeaders", "responseBody", "isBodyTruncated", "errorClass", "errorMessage")
      select gen_random_uuid(), v.id, v.attempt, v.trigger::"AttemptTrigger", v.started_at, v.duration_ms, v.request_headers,
        v.status_code, v.response_headers, v.response_body, v.is_truncated, v.error_class, v.error_message
      from v join fenced f on f.id = v.id
      returning "deliveryId"
    ),
    late as (
      -- Claimed again since (a higher attemptCount): this attempt's number is free for it.
      insert into "Attempt" (id, "deliveryId", number, trigger, "startedAt", "durationMs", "requestHeaders", "statusCode",
        "responseHeaders", "responseBody", "isBodyTruncated", "errorClass", "errorMessage", "isLate")
      select gen_random_uuid(), v.id, v.attempt, v.trigger::"AttemptTrigger", v.started_at, v.duration_ms, v.request_headers,
        v.status_code, v.response_headers, v.response_body, v.is_truncated, v.error_class, v.error_message, true
      from v join "Delivery" d on d.id = v.id
      where d."attemptCount" > v.attempt and not exists (select 1 from fenced f where f.id = v.id)
      on conflict ("deliveryId", number) do nothing
      returning "deliveryId"
    ),
    outcomes as (
      select v.*, f.created_at from v join fenced f on f.id = v.id
    ),
    ${healthUpdateSql(failureLimit)},
    ${noticesSql(failureLimit)},
    ${statsUpdateSql()}
    select "deliveryId" as id, false as "isLate" from attempts
      cross join (select count(*) from webhooks) as health_written cross join (select count(*) from disabled_audit) as audit_written
      cross join (select count(*) from stats) as stats_written cross join (select count(*) from notices) as notices_written
    union all
    select "deliveryId", true from late`;
  // Statuses, attempts and the webhooks' health: each workspace's pages re-read them.
  announceWorkspaces(
    db,
    records.map((r) => r.claimed),
    ["deliveries", "webhooks"],
  );
  const outcome = new Map(recorded.map((r) => [r.id, r.isLate ? ("late" as const) : ("recorded" as const)]));
  return records.map((r) => outcome.get(r.claimed.id) ?? "dropped");
}

/** Waits before each new try of a write the database dropped (a blip, a restart). */
const RETRY_WRITE_AFTER_MS = [250, 1_000, 4_000];

/**
 * A record lost to a blip would leave its lease to expire and the delivery to be sent again, so a
 * write cut off by the database is tried again. That is safe: the fence makes a second write of a
 * record that did commit (only its answer was lost) a no-op.
 */
async function writeThroughBlips<T>(write: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (error) {
      const waitMs = RETRY_WRITE_AFTER_MS[i];
      if (waitMs === undefined || !isDatabaseUnavailable(error)) throw error;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/** Records attempts by group commit (see GroupCommit): what finishes together is written together. */
export class AttemptRecorder {
  private readonly commits: GroupCommit<TAttemptRecord, TRecorded>;

  constructor(db: PrismaClient, failureLimit: number) {
    this.commits = new GroupCommit((records) => writeThroughBlips(() => recordAttempts(db, records, failureLimit)));
  }

  /** Resolves once written, with what became of it (TRecorded). */
  record(record: TAttemptRecord): Promise<TRecorded> {
    return this.commits.add(record);
  }
}

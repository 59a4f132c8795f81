import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "../api/api-error";
import { openDb, type PrismaClient } from "../db";
import { type TPublishEvent, type TPublished, ZPublishEvent } from "../validation/event";
import { deliveryConfig } from "./config";
import { GroupCommit } from "./group-commit";
import { NOTIFY_CHANNEL, wakeWorkers } from "./wakeup";

// Event types are only ever added (the API has no delete), so a name seen once stays valid: after
// the first publish of a type, checking it costs no query. Per database (tests open many).
const knownTypes = new WeakMap<PrismaClient, Set<string>>();

async function assertKnownType(db: PrismaClient, type: string): Promise<void> {
  let known = knownTypes.get(db);
  if (!known) {
    known = new Set();
    knownTypes.set(db, known);
  }
  if (known.has(type)) return;
  if (!(await db.eventType.findUnique({ where: { name: type }, select: { name: true } })))
    throw ApiError.invalid("event", `Unknown event type "${type}": register it with POST /api/v1/event-types`);
  known.add(type);
}

async function existingResult(db: PrismaClient, key: string): Promise<TPublished | null> {
  const found = await db.event.findUnique({ where: { idempotencyKey: key }, select: { id: true, _count: { select: { deliveries: true } } } });
  return found ? { id: found.id, deliveries: found._count.deliveries, isDuplicate: true } : null;
}

type TOutboxRow = { id: string; type: string; project: string | null; payload: unknown; key: string | null; at: string };

/**
 * The transactional outbox, as one statement (atomic by itself) for any number of events: each
 * Event, one pending Delivery per enabled webhook subscribed to its type and project ("no project"
 * matches only all-projects webhooks), projects not seen before (name = id), and a NOTIFY for
 * standalone workers that is delivered only if all of it commits. An event whose idempotencyKey is
 * taken is skipped. Returns, per row, how many deliveries its event got (null: not written, key taken).
 */
async function writeOutbox(db: PrismaClient, rows: TOutboxRow[]): Promise<(number | null)[]> {
  const written = await db.$queryRaw<{ id: string; deliveries: number }[]>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(id uuid, type text, project text, payload jsonb, key text, at timestamp)
    ),
    project as (
      insert into "Project" (id, name, "createdAt")
      select distinct project, project, at from input where project is not null
      on conflict (id) do nothing
    ),
    event as (
      insert into "Event" (id, type, "projectId", payload, "occurredAt", "idempotencyKey")
      select id, type, project, payload, at, key from input
      on conflict ("idempotencyKey") do nothing
      returning id, type, "projectId", "occurredAt"
    ),
    deliveries as (
      insert into "Delivery" (id, "webhookId", "eventId", status, "attemptCount", "nextAttemptAt", "createdAt")
      select gen_random_uuid(), w.id, e.id, 'pending', 0, e."occurredAt", e."occurredAt"
      from event e join "Webhook" w
        on w.enabled
        and (w."allEvents" or e.type = any(w.events))
        and (cardinality(w.projects) = 0 or e."projectId" = any(w.projects))
      returning "eventId"
    ),
    notified as (select pg_notify(${NOTIFY_CHANNEL}, '') from (select 1 from deliveries limit 1) d)
    select e.id, coalesce(per_event.n, 0)::int as deliveries
    from event e
    left join (select "eventId", count(*) as n from deliveries group by 1) per_event on per_event."eventId" = e.id
    -- A SELECT in WITH runs only if used: joining its one-row count makes the NOTIFY happen.
    cross join (select count(*) from notified) as notify_once`;
  const byId = new Map(written.map((w) => [w.id, w.deliveries]));
  return rows.map((r) => byId.get(r.id) ?? null);
}

// Publishes that arrive together share one outbox statement (group commit), per database.
const writers = new WeakMap<PrismaClient, GroupCommit<TOutboxRow, number | null>>();

/**
 * Publishes one event: there is never an event without its deliveries or the reverse. Unknown
 * types, oversized data and bad input are refused before anything is written; a repeated
 * idempotencyKey returns the first result and creates nothing.
 */
export async function publishEvent(input: TPublishEvent, options: { now?: Date } = {}): Promise<TPublished> {
  const { event: type, projectId, data, idempotencyKey } = ZPublishEvent.parse(input);
  const size = Buffer.byteLength(JSON.stringify(data));
  const { maxPayloadBytes } = deliveryConfig();
  if (size > maxPayloadBytes) throw new ApiError(413, "too_large", `data is ${size} bytes; the limit is ${maxPayloadBytes} (HOOKLINE_MAX_PAYLOAD_BYTES)`);
  const db = (await openDb()).prisma;
  if (idempotencyKey) {
    const seen = await existingResult(db, idempotencyKey);
    if (seen) return seen;
  }
  await assertKnownType(db, type);
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((rows: TOutboxRow[]) => writeOutbox(db, rows));
    writers.set(db, writer);
  }
  const id = randomUUID();
  const at = (options.now ?? new Date()).toISOString();
  const deliveries = await writer.add({ id, type, project: projectId ?? null, payload: data, key: idempotencyKey ?? null, at });
  if (deliveries === null) {
    // Another publish with the same key got there first (ON CONFLICT): return its result.
    const seen = idempotencyKey ? await existingResult(db, idempotencyKey) : null;
    if (seen) return seen;
    throw new Error("the event was not written");
  }
  if (deliveries > 0) wakeWorkers();
  return { id, deliveries, isDuplicate: false };
}

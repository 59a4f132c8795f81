import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { openDb, type PrismaClient } from "../db";
import { DomainError } from "../errors/domain-error";
import { type TPublishBatch, type TPublishEvent, type TPublished, type TPublishedBatch, ZPublishBatch, ZPublishEvent } from "../validation/event";
import { deliveryConfig } from "./config";
import { GroupCommit } from "./runtime/group-commit";
import { NOTIFY_CHANNEL, wakeWorkers } from "./runtime/wakeup";

// Event types are only ever added (the API has no delete), so a name seen once stays valid: after
// the first publish of a type, checking it costs no query. Per database (tests open many).
const knownTypes = new WeakMap<PrismaClient, Set<string>>();

async function assertKnownType(db: PrismaClient, type: string, path = "event"): Promise<void> {
  let known = knownTypes.get(db);
  if (!known) {
    known = new Set();
    knownTypes.set(db, known);
  }
  if (known.has(type)) return;
  if (!(await db.eventType.findUnique({ where: { name: type }, select: { name: true } })))
    throw DomainError.invalid(path, `Unknown event type "${type}": register it with POST /api/v1/event-types`);
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

/** The outbox row for one validated event, refusing data over HOOKLINE_MAX_PAYLOAD_BYTES (`what` names it). */
function outboxRow(event: z.output<typeof ZPublishEvent>, at: string, what: string): TOutboxRow {
  const size = Buffer.byteLength(JSON.stringify(event.data));
  const { maxPayloadBytes } = deliveryConfig();
  if (size > maxPayloadBytes)
    throw new DomainError("too_large", "too_large", `${what} is ${size} bytes; the limit is ${maxPayloadBytes} (HOOKLINE_MAX_PAYLOAD_BYTES)`);
  return { id: randomUUID(), type: event.event, project: event.projectId ?? null, payload: event.data, key: event.idempotencyKey ?? null, at };
}

/**
 * Publishes one event: there is never an event without its deliveries or the reverse. Unknown
 * types, oversized data and bad input are refused before anything is written; a repeated
 * idempotencyKey returns the first result and creates nothing.
 */
export async function publishEvent(input: TPublishEvent, options: { now?: Date } = {}): Promise<TPublished> {
  const event = ZPublishEvent.parse(input);
  const row = outboxRow(event, (options.now ?? new Date()).toISOString(), "data");
  const db = (await openDb()).prisma;
  if (row.key) {
    const seen = await existingResult(db, row.key);
    if (seen) return seen;
  }
  await assertKnownType(db, row.type);
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((rows: TOutboxRow[]) => writeOutbox(db, rows));
    writers.set(db, writer);
  }
  const deliveries = await writer.add(row);
  if (deliveries === null) {
    // Another publish with the same key got there first (ON CONFLICT): return its result.
    const seen = row.key ? await existingResult(db, row.key) : null;
    if (seen) return seen;
    throw new Error("the event was not written");
  }
  if (deliveries > 0) wakeWorkers();
  return { id: row.id, deliveries, isDuplicate: false };
}

/**
 * Publishes a batch: every event is checked first (an issue names its index, `events.3.event`), then
 * all new ones are written by one outbox statement, so they commit together or not at all. Results
 * come back in the order sent. An idempotencyKey seen before, or earlier in the same batch, gives
 * that event's result with isDuplicate and writes nothing for it.
 */
export async function publishBatch(input: TPublishBatch, options: { now?: Date } = {}): Promise<TPublishedBatch> {
  const { events } = ZPublishBatch.parse(input);
  const { maxBatchEvents } = deliveryConfig();
  if (events.length > maxBatchEvents)
    throw DomainError.invalid("events", `A batch holds at most ${maxBatchEvents} events (HOOKLINE_MAX_BATCH_EVENTS); this one has ${events.length}`);
  const at = (options.now ?? new Date()).toISOString();
  const rows = events.map((event, i) => outboxRow(event, at, `events.${i}.data`));
  const db = (await openDb()).prisma;
  for (const [i, row] of rows.entries()) await assertKnownType(db, row.type, `events.${i}.event`);

  const keys = [...new Set(rows.flatMap((r) => (r.key ? [r.key] : [])))];
  const seen = new Map<string, TPublished>();
  if (keys.length) {
    const found = await db.event.findMany({
      where: { idempotencyKey: { in: keys } },
      select: { id: true, idempotencyKey: true, _count: { select: { deliveries: true } } },
    });
    for (const f of found) seen.set(f.idempotencyKey as string, { id: f.id, deliveries: f._count.deliveries, isDuplicate: true });
  }
  // The first new event of each key is written; later ones in the batch repeat its result.
  const firstOfKey = new Map<string, TOutboxRow>();
  const toWrite = rows.filter((r) => {
    if (!r.key) return true;
    if (seen.has(r.key) || firstOfKey.has(r.key)) return false;
    firstOfKey.set(r.key, r);
    return true;
  });
  const counts = toWrite.length ? await writeOutbox(db, toWrite) : [];
  const written = new Map(toWrite.map((r, i) => [r.id, counts[i] ?? null]));
  if (counts.some((n) => (n ?? 0) > 0)) wakeWorkers();

  const results: TPublished[] = [];
  for (const row of rows) {
    const deliveries = written.get(row.id);
    if (deliveries !== undefined && deliveries !== null) {
      results.push({ id: row.id, deliveries, isDuplicate: false });
      continue;
    }
    const key = row.key as string; // only keyed rows are skipped or lost to a concurrent publish
    const first = firstOfKey.get(key);
    const firstCount = first ? written.get(first.id) : null;
    let result =
      seen.get(key) ?? (first && firstCount !== undefined && firstCount !== null ? { id: first.id, deliveries: firstCount, isDuplicate: true } : null);
    result ??= await existingResult(db, key);
    if (!result) throw new Error("the event was not written");
    seen.set(key, { ...result, isDuplicate: true });
    results.push({ ...result, isDuplicate: true });
  }
  return { data: results };
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { PrismaClient } from "../db";
import { announceWorkspaces } from "../db/change-feed";
import { EVENT_CATALOG } from "../db/event-catalog";
import { PREPARED } from "../db/pg-adapter";
import type { TWorkspaceContext } from "../db/workspace-context";
import { DomainError } from "../errors/domain-error";
import { Prisma } from "../generated/prisma/client";
import { type TPublishBatch, type TPublishEvent, type TPublished, type TPublishedBatch, ZPublishBatch, ZPublishEvent } from "../validation/event";
import { matchesFilter, type TPayloadFilter } from "../validation/payload-filter";
import { envelopeObject } from "./build-request";
import { deliveryConfig } from "./config";
import { countPublished } from "./metrics";
import { schemaIssues } from "./payload-schemas";
import { GroupCommit } from "./runtime/group-commit";
import { NOTIFY_CHANNEL, wakeWorkers } from "./runtime/wakeup";

// The built-in catalog is seeded into every database at open (lib/db/seed-event-types.ts): its names
// need no query. A workspace's own types are only ever added (the API has no delete), so one seen
// once stays valid: after the first publish of it, checking costs no query. Per database (tests open
// many), and bounded: the least recently used pairs are forgotten past KNOWN_MAX.
const CATALOG_NAMES = new Set(EVENT_CATALOG.map((e) => e.name));
const KNOWN_MAX = 10_000;
const knownTypes = new WeakMap<PrismaClient, Set<string>>();

/** Hookline's own news (lib/delivery/notices/): published only by Hookline, never through the API. */
export const OPERATIONAL_PREFIX = "hookline.";

async function assertKnownType(ctx: TWorkspaceContext, type: string, path = "event", isOperational = false): Promise<void> {
  if (type.startsWith(OPERATIONAL_PREFIX) && !isOperational)
    throw DomainError.invalid(path, `"${type}" is Hookline's own event: only Hookline publishes ${OPERATIONAL_PREFIX}* events`);
  if (CATALOG_NAMES.has(type)) return;
  let known = knownTypes.get(ctx.prisma);
  if (!known) {
    known = new Set();
    knownTypes.set(ctx.prisma, known);
  }
  const key = `${ctx.workspace.id} ${type}`;
  if (known.delete(key)) {
    known.add(key);
    return;
  }
  if (!(await ctx.db.customEventType.findFirst({ where: { name: type }, select: { name: true } })))
    throw DomainError.invalid(path, `Unknown event type "${type}": register it with POST /api/v1/event-types`);
  if (known.size >= KNOWN_MAX) known.delete(known.values().next().value as string);
  known.add(key);
}

async function existingResult(ctx: TWorkspaceContext, key: string): Promise<TPublished | null> {
  const found = await ctx.db.event.findFirst({ where: { idempotencyKey: key }, select: { id: true, _count: { select: { deliveries: true } } } });
  return found ? { id: found.id, deliveries: found._count.deliveries, isDuplicate: true } : null;
}

/**
 * Per row, the ids of the enabled webhooks of its workspace whose payload filter its envelope
 * matches (lib/validation/payload-filter.ts: matchesFilter). Read and run just before the outbox
 * statement, which gives a filtered webhook only the events listed here: a filter saved while an
 * event is being published applies from the next publish, and a webhook whose filter was not read
 * here gets nothing from this one (as if it had been saved a moment later).
 */
async function passedFilters(db: PrismaClient, rows: TOutboxRow[]): Promise<string[][]> {
  const workspaces = [...new Set(rows.map((r) => r.ws))];
  const hooks = await db.$queryRaw<{ id: string; ws: string; filter: TPayloadFilter }[]>`${Prisma.raw(PREPARED)}
    select id, "workspaceId" as ws, filter from "Webhook" where "workspaceId" = any(${workspaces}::uuid[]) and enabled and filter is not null`;
  if (hooks.length === 0) return rows.map(() => []);
  return rows.map((r) => {
    const envelope = envelopeObject({ id: r.id, type: r.type, occurredAt: new Date(r.at), projectId: r.project, payload: r.payload });
    return hooks.filter((h) => h.ws === r.ws && matchesFilter(h.filter, envelope)).map((h) => h.id);
  });
}

/** An event `e`'s envelope as SQL, as build-request.ts's envelope() sends it: what ordering keys read. */
const ENVELOPE = Prisma.raw(`jsonb_build_object('id', e.id::text, 'event', e.type,
  'timestamp', to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'projectId', e."projectId", 'data', e.payload)`);

type TOutboxRow = {
  id: string;
  ws: string;
  type: string;
  project: string | null;
  payload: unknown;
  key: string | null;
  at: string;
  /** HOOKLINE_VALIDATE_PAYLOADS=warn: where the data broke its type's schema (stored on the Event). */
  schema_errors?: string[];
};

/**
 * The transactional outbox, as one statement (atomic by itself) for any number of events, of one
 * workspace or several (an operator's batch): each Event, one pending Delivery per enabled webhook
 * of its workspace subscribed to its type and project ("no project" matches only all-projects
 * webhooks) whose payload filter, if it has one, matches the event's envelope, projects not seen
 * before in that workspace (name = id), and a NOTIFY for
 * standalone workers that is delivered only if all of it commits. An event whose idempotencyKey is
 * taken is skipped. Returns, per row, how many deliveries its event got (null: not written, key taken).
 */
async function writeOutbox(db: PrismaClient, rows: TOutboxRow[]): Promise<(number | null)[]> {
  const passed = await passedFilters(db, rows);
  const written = await db.$queryRaw<{ id: string; deliveries: number }[]>`${Prisma.raw(PREPARED)}
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows.map((r, ord) => ({ ...r, ord, passed: passed[ord] })))}::jsonb)
        as v(id uuid, ws uuid, type text, project text, payload jsonb, key text, at timestamp, schema_errors jsonb, ord bigint, passed jsonb)
    ),
    project as (
      insert into "Project" ("workspaceId", id, name, "createdAt")
      select distinct on (ws, project) ws, project, project, at from input where project is not null
      on conflict ("workspaceId", id) do nothing
    ),
    event as (
      insert into "Event" (id, "workspaceId", type, "projectId", payload, "occurredAt", "idempotencyKey", "schemaErrors")
      select id, ws, type, project, payload, at, key, schema_errors from input
      on conflict ("workspaceId", "idempotencyKey") do nothing
      returning id, "workspaceId", type, "projectId", payload, "occurredAt"
    ),
    deliveries as (
      insert into "Delivery" (id, "workspaceId", "webhookId", "eventId", status, "attemptCount", "nextAttemptAt", "createdAt", "orderKey", "orderSeq")
      -- In publish order (the input's), so that an in-order webhook's sequence numbers follow it.
      select gen_random_uuid(), m.ws, m.webhook_id, m.event_id, 'pending', 0, m.at, m.at, m.order_key,
        case when m.order_key is not null then nextval('"Delivery_orderSeq_seq"') end
      from (
        select e."workspaceId" as ws, w.id as webhook_id, e.id as event_id, e."occurredAt" as at,
          -- Deliver in order: the ordering key's value in the envelope ('' for none), else unordered.
          case when not w.ordered then null when w."orderingKey" is null then ''
            else coalesce(${ENVELOPE} #>> string_to_array(w."orderingKey", '.'), '') end as order_key
        from event e join input i on i.id = e.id join "Webhook" w
          on w."workspaceId" = e."workspaceId"
          and w.enabled
          and (w."allEvents" or e.type = any(w.events))
          and (cardinality(w.projects) = 0 or e."projectId" = any(w.projects))
          -- News about a webhook never goes to that webhook (it would be told of its own trouble).
          and not (e.type like 'hookline.%' and e.payload->'webhook'->>'id' = w.id::text)
          -- Its payload filter, run on the envelope before this statement (passedFilters).
          and (w.filter is null or i.passed ? w.id::text)
        order by i.ord, w.id
      ) m
      returning "eventId"
    ),
    notified as (select pg_notify(${NOTIFY_CHANNEL}, '') from (select 1 from deliveries limit 1) d)
    select e.id, coalesce(per_event.n, 0)::int as deliveries
    from event e
    left join (select "eventId", count(*) as n from deliveries group by 1) per_event on per_event."eventId" = e.id
    -- A SELECT in WITH runs only if used: joining its one-row count makes the NOTIFY happen.
    cross join (select count(*) from notified) as notify_once`;
  const byId = new Map(written.map((w) => [w.id, w.deliveries]));
  for (const r of rows) if (byId.has(r.id)) countPublished(r.type, r.ws);
  // New rows in each workspace's log (and a new project for its picker).
  announceWorkspaces(
    db,
    rows.filter((r) => (byId.get(r.id) ?? 0) > 0).map((r) => ({ workspaceId: r.ws })),
    ["deliveries"],
  );
  return rows.map((r) => byId.get(r.id) ?? null);
}

/**
 * The data against its type's JSON Schema, as HOOKLINE_VALIDATE_PAYLOADS says: `reject` refuses it
 * (every issue named from `where`, such as `events.3.data.amount`), `warn` keeps the messages on the
 * row for the delivery's page, `off` does not look.
 */
async function checkAgainstSchema(ctx: TWorkspaceContext, row: TOutboxRow, where: string): Promise<void> {
  const mode = deliveryConfig().validatePayloads ?? "warn";
  if (mode === "off") return;
  const issues = await schemaIssues(ctx, row.type, row.payload);
  if (issues.length === 0) return;
  if (mode === "reject") {
    const rename = (text: string) => (where === "data" ? text : `${where}${text.slice("data".length)}`);
    throw DomainError.invalidAll(issues.map((i) => ({ path: rename(i.path), message: `${rename(i.message)} (the schema of ${row.type})` })));
  }
  row.schema_errors = issues.map((i) => i.message);
}

// Publishes that arrive together share one outbox statement (group commit), per database.
const writers = new WeakMap<PrismaClient, GroupCommit<TOutboxRow, number | null>>();

/** The outbox row for one validated event, refusing data over HOOKLINE_MAX_PAYLOAD_BYTES (`what` names it). */
function outboxRow(ctx: TWorkspaceContext, event: z.output<typeof ZPublishEvent>, at: string, what: string): TOutboxRow {
  const size = Buffer.byteLength(JSON.stringify(event.data));
  const { maxPayloadBytes } = deliveryConfig();
  if (size > maxPayloadBytes)
    throw new DomainError("too_large", "too_large", `${what} is ${size} bytes; the limit is ${maxPayloadBytes} (HOOKLINE_MAX_PAYLOAD_BYTES)`);
  return {
    id: randomUUID(),
    ws: ctx.workspace.id,
    type: event.event,
    project: event.projectId ?? null,
    payload: event.data,
    key: event.idempotencyKey ?? null,
    at,
  };
}

/**
 * Publishes one event into the context's workspace: there is never an event without its deliveries
 * or the reverse. Unknown types, oversized data and bad input are refused before anything is
 * written; a repeated idempotencyKey (per workspace) returns the first result and creates nothing.
 */
export async function publishEvent(
  ctx: TWorkspaceContext,
  input: TPublishEvent,
  options: { now?: Date /** Hookline's own news (hookline.*), which the API may not publish. */; isOperational?: boolean } = {},
): Promise<TPublished> {
  const event = ZPublishEvent.parse(input);
  const row = outboxRow(ctx, event, (options.now ?? new Date()).toISOString(), "data");
  const db = ctx.prisma;
  if (row.key) {
    const seen = await existingResult(ctx, row.key);
    if (seen) return seen;
  }
  await assertKnownType(ctx, row.type, "event", options.isOperational);
  await checkAgainstSchema(ctx, row, "data");
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((rows: TOutboxRow[]) => writeOutbox(db, rows));
    writers.set(db, writer);
  }
  const deliveries = await writer.add(row);
  if (deliveries === null) {
    // Another publish with the same key got there first (ON CONFLICT): return its result.
    const seen = row.key ? await existingResult(ctx, row.key) : null;
    if (seen) return seen;
    throw new Error("the event was not written");
  }
  if (deliveries > 0) wakeWorkers();
  return { id: row.id, deliveries, isDuplicate: false };
}

/**
 * Publishes a batch: every event is checked first (an issue names its index, `events.3.event`), then
 * all new ones are written by one outbox statement, so they commit together or not at all. Results
 * come back in the order sent. An idempotencyKey seen before in the event's workspace, or earlier in
 * the same batch, gives that event's result with isDuplicate and writes nothing for it. `targets`
 * (an operator's batch) gives each event its own workspace's context; by default all go to `ctx`'s.
 */
export async function publishBatch(
  ctx: TWorkspaceContext,
  input: TPublishBatch,
  options: { now?: Date; targets?: readonly TWorkspaceContext[] } = {},
): Promise<TPublishedBatch> {
  const { events } = ZPublishBatch.parse(input);
  const { maxBatchEvents } = deliveryConfig();
  if (events.length > maxBatchEvents)
    throw DomainError.invalid("events", `A batch holds at most ${maxBatchEvents} events (HOOKLINE_MAX_BATCH_EVENTS); this one has ${events.length}`);
  const at = (options.now ?? new Date()).toISOString();
  const contextOf = (i: number) => options.targets?.[i] ?? ctx;
  const rows = events.map((event, i) => outboxRow(contextOf(i), event, at, `events.${i}.data`));
  const db = ctx.prisma;
  for (const [i, row] of rows.entries()) await assertKnownType(contextOf(i), row.type, `events.${i}.event`);
  for (const [i, row] of rows.entries()) await checkAgainstSchema(contextOf(i), row, `events.${i}.data`);

  // Keys are per workspace: "ws key" names one.
  const keyOf = (r: TOutboxRow) => (r.key ? `${r.ws} ${r.key}` : null);
  const seen = new Map<string, TPublished>();
  const byWorkspace = new Map<string, { target: TWorkspaceContext; keys: Set<string> }>();
  rows.forEach((r, i) => {
    if (!r.key) return;
    const entry = byWorkspace.get(r.ws) ?? { target: contextOf(i), keys: new Set<string>() };
    entry.keys.add(r.key);
    byWorkspace.set(r.ws, entry);
  });
  for (const [ws, { target, keys }] of byWorkspace) {
    const found = await target.db.event.findMany({
      where: { idempotencyKey: { in: [...keys] } },
      select: { id: true, idempotencyKey: true, _count: { select: { deliveries: true } } },
    });
    for (const f of found) seen.set(`${ws} ${f.idempotencyKey}`, { id: f.id, deliveries: f._count.deliveries, isDuplicate: true });
  }
  // The first new event of each key is written; later ones in the batch repeat its result.
  const firstOfKey = new Map<string, TOutboxRow>();
  const toWrite = rows.filter((r) => {
    const key = keyOf(r);
    if (!key) return true;
    if (seen.has(key) || firstOfKey.has(key)) return false;
    firstOfKey.set(key, r);
    return true;
  });
  const counts = toWrite.length ? await writeOutbox(db, toWrite) : [];
  const written = new Map(toWrite.map((r, i) => [r.id, counts[i] ?? null]));
  if (counts.some((n) => (n ?? 0) > 0)) wakeWorkers();

  const results: TPublished[] = [];
  for (const [i, row] of rows.entries()) {
    const deliveries = written.get(row.id);
    if (deliveries !== undefined && deliveries !== null) {
      results.push({ id: row.id, deliveries, isDuplicate: false });
      continue;
    }
    const key = keyOf(row) as string; // only keyed rows are skipped or lost to a concurrent publish
    const first = firstOfKey.get(key);
    const firstCount = first ? written.get(first.id) : null;
    let result =
      seen.get(key) ?? (first && firstCount !== undefined && firstCount !== null ? { id: first.id, deliveries: firstCount, isDuplicate: true } : null);
    result ??= await existingResult(contextOf(i), row.key as string);
    if (!result) throw new Error("the event was not written");
    seen.set(key, { ...result, isDuplicate: true });
    results.push({ ...result, isDuplicate: true });
  }
  return { data: results };
}

import "server-only";
import type { PrismaClient } from "../db";
import { announceWorkspaces } from "../db/change-feed";
import { PREPARED } from "../db/pg-adapter";
import { isSingleConnection } from "../db/single-connection";
import { Prisma } from "../generated/prisma/client";
import { isFreeInOrder } from "./ordering";

/** A leased delivery with everything its attempt needs, so sending reads nothing more. */
export type TClaimed = {
  id: string;
  workspaceId: string;
  webhookId: string;
  eventId: string;
  /** Attempts made so far, the one this claim is for included (the fence for recording it). */
  attemptCount: number;
  url: string;
  tokenCiphertext: string;
  previousTokenCiphertext: string | null;
  previousTokenExpiresAt: Date | null;
  httpUser: string | null;
  httpPasswordCiphertext: string | null;
  signatureFamilies: string[] | null;
  /** The webhook's own headers as stored (secrets sealed). */
  customHeaders: unknown;
  eventType: string;
  projectId: string | null;
  payload: unknown;
  occurredAt: Date;
};

/** Takes the rows `update` leases and joins each with its webhook and event, in the same statement. */
function leaseAndLoad(update: Prisma.Sql) {
  return Prisma.sql`${Prisma.raw(PREPARED)}
    with claimed as (${update})
    select c.id, c."workspaceId", c."webhookId", c."eventId", c."attemptCount",
      w.url, w."tokenCiphertext", w."previousTokenCiphertext", w."previousTokenExpiresAt", w."httpUser", w."httpPasswordCiphertext", w."signatureFamilies", w."customHeaders",
      e.type as "eventType", e."projectId", e.payload, e."occurredAt"
    from claimed c
    join "Webhook" w on w.id = c."webhookId"
    join "Event" e on e.id = c."eventId"`;
}

// Requests of reaped leases (lib/delivery/runtime/reap-leases.ts) that may still be open: the
// reaped worker may have been cut off rather than dead. Each counts until its attempt is recorded
// (on time or late: either way an Attempt with its number exists) or its lease would have expired.
const reapedInFlight = (now: Date) => Prisma.sql`(select count(*)::int from "ReapedLease" g
  where g."webhookId" = w.id and g."expiresAt" >= ${now}
    and not exists (select 1 from "Attempt" a where a."deliveryId" = g."deliveryId" and a.number = g.attempt))`;
// Their starts within the rate window, once each: while the delivery has not been claimed again,
// its own claimedAt is this same start and is counted already.
const reapedStarted = (since: Date) => Prisma.sql`(select count(*)::int from "ReapedLease" g
  join "Delivery" d on d.id = g."deliveryId"
  where g."webhookId" = w.id and g."claimedAt" > ${since} and d."attemptCount" <> g.attempt)`;

/** The advisory lock ("hkcl") that claims take in turn, so that each one sees every earlier claim. */
export const CLAIM_LOCK = 0x686b636c;

// A due delivery: pending and due, or in flight under a lease that expired (its worker is gone).
const isDue = (alias: string, now: Date) =>
  Prisma.sql`((${Prisma.raw(alias)}.status = 'pending' and ${Prisma.raw(alias)}."nextAttemptAt" <= ${now})
    or (${Prisma.raw(alias)}.status = 'in_flight' and ${Prisma.raw(alias)}."leaseExpiresAt" < ${now}))`;

/**
 * The webhooks with something due, found without visiting the others: a loose index scan (one index
 * seek per webhook with pending deliveries, on Delivery(status, webhookId, nextAttemptAt)) and the
 * few expired leases. With 100,000 webhooks of which ten have work, a claim looks at ten, not at
 * every webhook's counts.
 */
const dueWebhooks = (now: Date) => Prisma.sql`(
  with recursive pending_hooks as (
    (select c."webhookId" from "Delivery" c
      where c.status = 'pending' and c."nextAttemptAt" <= ${now}
      order by c."webhookId" limit 1)
    union all
    select (select c."webhookId" from "Delivery" c
      where c.status = 'pending' and c."nextAttemptAt" <= ${now} and c."webhookId" > p."webhookId"
      order by c."webhookId" limit 1)
    from pending_hooks p where p."webhookId" is not null
  )
  select "webhookId" from pending_hooks where "webhookId" is not null
  union
  select c."webhookId" from "Delivery" c where c.status = 'in_flight' and c."leaseExpiresAt" < ${now}
)`;

/**
 * Takes up to `limit` due deliveries of enabled webhooks, leases them to `owner`, counts the
 * attempt and returns them with their webhook and event.
 *
 * Fair and isolated: each webhook gets at most its room, `maxInFlight` minus its live leases and
 * the reaped ones that may still be sending (and, with `rateLimitPerSecond`, minus its requests
 * started in the last second), counted across every worker; a workspace with its own limits gets at
 * most its room the same way. The free slots go round-robin across workspaces first (every
 * workspace's first turn, then every workspace's second...) and, within a workspace, across its
 * webhooks (every webhook's oldest due delivery, then every webhook's second...): a workspace or a
 * webhook with a backlog of thousands, or one that answers slowly, never holds back another's next
 * delivery, and a workspace with many webhooks does not crowd out one with few.
 *
 * Counting across workers needs claims to see each other: a statement's snapshot is taken when it
 * starts, so two concurrent claims would each count the other's leases as free room. Claims
 * therefore take a transaction-scoped advisory lock first and count in a second statement, whose
 * snapshot includes every claim committed before the lock was granted. A claim is a few
 * milliseconds, so claiming in turn costs little; sending stays fully parallel. The embedded
 * database runs one statement at a time anyway, so there the statement goes alone.
 */
export async function claimDeliveries(
  db: PrismaClient,
  owner: string,
  limit: number,
  now: Date,
  leaseMs: number,
  answered: string[] = [],
): Promise<TClaimed[]> {
  if (limit <= 0) return [];
  // This worker's deliveries whose request is over but whose attempt is still being written: still
  // leased in the table, but no longer open at the receiver, so not counted against the limits. (Other
  // workers do count them until the record lands: on the safe side.)
  const notOpen = Prisma.sql`${answered}::uuid[]`;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const aSecondAgo = new Date(now.getTime() - 1_000);
  const claim = db.$queryRaw<TClaimed[]>(
    leaseAndLoad(Prisma.sql`
        update "Delivery" d
        set status = 'in_flight', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil},
          "attemptCount" = d."attemptCount" + 1, "claimedAt" = ${now}
        from (
          select t.id from (
            -- A webhook's k-th due delivery has turn k; within its workspace, turns go round its
            -- webhooks (ws_turn), and the batch takes every workspace's first, then second...
            select ranked.id, ranked."nextAttemptAt", ranked.ws,
              row_number() over (partition by ranked.ws order by ranked.turn, ranked."nextAttemptAt") as ws_turn
            from (
              select x.id, x."nextAttemptAt", w."workspaceId" as ws,
                row_number() over (partition by w.id order by x."nextAttemptAt") as turn
              from ${dueWebhooks(now)} due
              join "Webhook" w on w.id = due."webhookId"
              cross join lateral (
                select least(
                  w."maxInFlight" - (select count(*)::int from "Delivery" f
                    where f."webhookId" = w.id and f.status = 'in_flight' and f."leaseExpiresAt" >= ${now} and f.id <> all(${notOpen}))
                    - ${reapedInFlight(now)},
                  coalesce(w."rateLimitPerSecond" - (select count(*)::int from "Delivery" r
                    where r."webhookId" = w.id and r."claimedAt" > ${aSecondAgo})
                    - ${reapedStarted(aSecondAgo)}, ${limit}::int),
                  ${limit}::int) as room
                offset 0 -- computed once per webhook, not inlined into every use below
              ) r
              cross join lateral (
                -- Two index range scans merged in order (an OR would sort a whole backlog).
                (select c.id, c."nextAttemptAt" from "Delivery" c
                  where c."webhookId" = w.id and c.status = 'in_flight' and c."leaseExpiresAt" < ${now}
                  order by c."nextAttemptAt" limit greatest(r.room, 0))
                union all
                (select c.id, c."nextAttemptAt" from "Delivery" c
                  where c."webhookId" = w.id and c.status = 'pending' and c."nextAttemptAt" <= ${now}
                    -- In order: only each key's head (lib/delivery/ordering.ts).
                    and ${isFreeInOrder("c")}
                  order by c."nextAttemptAt" limit greatest(r.room, 0))
                order by 2
                limit greatest(r.room, 0)
              ) x
              where w.enabled and r.room > 0
            ) ranked
          ) t
          -- A workspace's own limits (operator-set; most have none), counted across workers like a
          -- webhook's: its room caps how many of its turns this claim takes. Looked up by the
          -- candidates' workspaces only (a primary-key probe each), never by scanning every workspace.
          left join lateral (
            select least(
              coalesce(s."maxInFlight" - (select count(*)::int from "Delivery" f
                where f."workspaceId" = s.id and f.status = 'in_flight' and f."leaseExpiresAt" >= ${now} and f.id <> all(${notOpen})), ${limit}::int),
              coalesce(s."rateLimitPerSecond" - (select count(*)::int from "Delivery" r
                where r."workspaceId" = s.id and r."claimedAt" > ${aSecondAgo}), ${limit}::int)) as room
            from "Workspace" s
            where s.id = t.ws and (s."maxInFlight" is not null or s."rateLimitPerSecond" is not null)
          ) limited on true
          where t.ws_turn <= coalesce(limited.room, ${limit}::int)
          order by t.ws_turn, t."nextAttemptAt"
          limit ${limit}::int
        ) picked
        -- Checked again on the row itself: a manual redelivery may have leased it meanwhile.
        where d.id = picked.id and ${isDue("d", now)}
        returning d.id, d."workspaceId", d."webhookId", d."eventId", d."attemptCount"`),
  );
  const claimed = isSingleConnection(db)
    ? await claim
    : (await db.$transaction([db.$executeRaw`select pg_advisory_xact_lock(${CLAIM_LOCK}::bigint)`, claim]))[1];
  announceWorkspaces(db, claimed, ["deliveries"]); // in flight, on the delivery's page
  return claimed;
}

/**
 * Leases one delivery, whatever its state, unless a live lease holds it (someone is sending it
 * now): a manual redelivery. Null when it is held or does not exist.
 */
export async function claimDelivery(db: PrismaClient, owner: string, id: string, now: Date, leaseMs: number): Promise<TClaimed | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const [claimed] = await db.$queryRaw<TClaimed[]>(
    leaseAndLoad(Prisma.sql`
      update "Delivery" d
      set status = 'in_flight', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil}, "attemptCount" = d."attemptCount" + 1, "claimedAt" = ${now}
      where d.id = ${id}::uuid and (d.status <> 'in_flight' or d."leaseExpiresAt" < ${now})
      returning d.id, d."workspaceId", d."webhookId", d."eventId", d."attemptCount"`),
  );
  announceWorkspaces(db, claimed ? [claimed] : [], ["deliveries"]);
  return claimed ?? null;
}

/** Hands back leases this worker holds but will not finish (graceful shutdown). */
export async function releaseLeases(db: PrismaClient, owner: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.delivery.updateMany({
    where: { id: { in: ids }, leaseOwner: owner, status: "in_flight" },
    data: { status: "pending", leaseOwner: null, leaseExpiresAt: null, attemptCount: { decrement: 1 } },
  });
  return count;
}

/**
 * When the next delivery becomes claimable: the earliest due pending delivery of an enabled webhook,
 * or the earliest lease that will expire. Null when nothing is waiting. Idle workers sleep until then
 * (woken sooner by a publish, a NOTIFY or a free slot) instead of polling.
 */
export async function nextDueAt(db: PrismaClient): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`${Prisma.raw(PREPARED)}
    select least(
      (select min(c."nextAttemptAt") from "Delivery" c join "Webhook" w on w.id = c."webhookId" where c.status = 'pending' and w.enabled),
      (select min(c."leaseExpiresAt") from "Delivery" c where c.status = 'in_flight')
    ) as at`;
  return row?.at ?? null;
}

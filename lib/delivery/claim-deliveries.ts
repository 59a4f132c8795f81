import "server-only";
import type { PrismaClient } from "../db";
import { Prisma } from "../generated/prisma/client";

/** A leased delivery with everything its attempt needs, so sending reads nothing more. */
export type TClaimed = {
  id: string;
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
  eventType: string;
  projectId: string | null;
  payload: unknown;
  occurredAt: Date;
};

/** Takes the rows `update` leases and joins each with its webhook and event, in the same statement. */
function leaseAndLoad(update: Prisma.Sql) {
  return Prisma.sql`
    with claimed as (${update})
    select c.id, c."webhookId", c."eventId", c."attemptCount",
      w.url, w."tokenCiphertext", w."previousTokenCiphertext", w."previousTokenExpiresAt", w."httpUser", w."httpPasswordCiphertext",
      e.type as "eventType", e."projectId", e.payload, e."occurredAt"
    from claimed c
    join "Webhook" w on w.id = c."webhookId"
    join "Event" e on e.id = c."eventId"`;
}

/**
 * One statement takes up to `limit` due deliveries of enabled webhooks (pending and due, or in flight
 * with an expired lease), leases them to `owner`, counts the attempt and returns them with their
 * webhook and event. SKIP LOCKED lets any number of workers claim side by side without waiting on
 * or double-taking each other's rows.
 */
export async function claimDeliveries(db: PrismaClient, owner: string, limit: number, now: Date, leaseMs: number): Promise<TClaimed[]> {
  if (limit <= 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<TClaimed[]>(
    leaseAndLoad(Prisma.sql`
      update "Delivery" d
      set status = 'in_flight', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil}, "attemptCount" = d."attemptCount" + 1
      where d.id in (
        select c.id from "Delivery" c
        join "Webhook" w on w.id = c."webhookId"
        where w.enabled
          and ((c.status = 'pending' and c."nextAttemptAt" <= ${now})
            or (c.status = 'in_flight' and c."leaseExpiresAt" < ${now}))
        order by c."nextAttemptAt"
        limit ${limit}
        for update of c skip locked
      )
      returning d.id, d."webhookId", d."eventId", d."attemptCount"`),
  );
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
      set status = 'in_flight', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil}, "attemptCount" = d."attemptCount" + 1
      where d.id = ${id}::uuid and (d.status <> 'in_flight' or d."leaseExpiresAt" < ${now})
      returning d.id, d."webhookId", d."eventId", d."attemptCount"`),
  );
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
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    select least(
      (select min(c."nextAttemptAt") from "Delivery" c join "Webhook" w on w.id = c."webhookId" where c.status = 'pending' and w.enabled),
      (select min(c."leaseExpiresAt") from "Delivery" c where c.status = 'in_flight')
    ) as at`;
  return row?.at ?? null;
}

import "server-only";
import type { PrismaClient } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { isLockHeldSql, LIVE_SUFFIX } from "./worker-liveness";

// The reaper's two statements (its policy is in reaper.ts). Both are no-ops unless `self`, the
// worker reaping, holds its own liveness lock right now: a worker cut off from the database by the
// same blip as the others is in no position to call them dead.

/** Live-marked owners with unexpired leases whose lock nobody holds; null when `self` holds no lock. */
export async function ownersWithoutLock(db: PrismaClient, self: string, now: Date): Promise<string[] | null> {
  // The locks are looked up once per owner, not once per lease.
  const [row] = await db.$queryRaw<{ isSelfHeld: boolean; owners: string[] }[]>`
    select ${isLockHeldSql(Prisma.sql`${self}`)} as "isSelfHeld",
      array(select o.owner from (
          select distinct d."leaseOwner" as owner from "Delivery" d
          where d.status = 'in_flight' and d."leaseOwner" like ${`%${LIVE_SUFFIX}`} and d."leaseExpiresAt" >= ${now}
        ) o
        where not ${isLockHeldSql(Prisma.sql`o.owner`)} order by o.owner) as owners`;
  return row?.isSelfHeld ? row.owners : null;
}

/**
 * Makes the unexpired leases of `owners` claimable now, if their locks are still free; returns how
 * many. Each becomes a ReapedLease first: its owner may be alive and still sending (cut off, not
 * dead), so the request keeps counting toward the webhook's maxInFlight and rate limit until its
 * attempt is recorded (late, lib/delivery/record-attempts.ts) or the lease would have expired.
 * Reaped leases that have expired are cleared out on the way.
 */
export async function reapLeases(db: PrismaClient, self: string, owners: string[], now: Date): Promise<number> {
  if (owners.length === 0) return 0;
  const [row] = await db.$queryRaw<{ reaped: number }[]>`
    with still_free as materialized (
      select o.owner from unnest(${owners}::text[]) as o(owner)
      where not ${isLockHeldSql(Prisma.sql`o.owner`)} and ${isLockHeldSql(Prisma.sql`${self}`)}
    ),
    victims as (
      select d.id, d."webhookId", d."leaseOwner", d."attemptCount", d."claimedAt", d."leaseExpiresAt"
      from "Delivery" d
      where d.status = 'in_flight' and d."leaseOwner" in (select owner from still_free) and d."leaseExpiresAt" >= ${now}
      for update of d
    ),
    fenced as (
      insert into "ReapedLease" ("deliveryId", attempt, "webhookId", owner, "claimedAt", "expiresAt")
      select v.id, v."attemptCount", v."webhookId", v."leaseOwner", coalesce(v."claimedAt", ${now}), v."leaseExpiresAt" from victims v
      on conflict do nothing
    ),
    reaped as (
      update "Delivery" d set "leaseExpiresAt" = to_timestamp(0) from victims v where d.id = v.id returning d.id
    ),
    expired as (
      delete from "ReapedLease" where "expiresAt" < ${now}
    )
    select count(*)::int as reaped from reaped`;
  return row?.reaped ?? 0;
}

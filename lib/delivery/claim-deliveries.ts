import "server-only";
import type { PrismaClient } from "../db";

export type TClaimed = { id: string; webhookId: string; eventId: string; attemptCount: number };

/**
 * One statement takes up to `limit` due deliveries of enabled webhooks (pending and due, or in flight
 * with an expired lease), leases them to `owner` and counts the attempt. SKIP LOCKED lets any number
 * of workers claim side by side without waiting on or double-taking each other's rows.
 */
export async function claimDeliveries(db: PrismaClient, owner: string, limit: number, now: Date, leaseMs: number): Promise<TClaimed[]> {
  if (limit <= 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<TClaimed[]>`
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
    returning d.id, d."webhookId", d."eventId", d."attemptCount"`;
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

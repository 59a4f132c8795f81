import "server-only";
import type { PrismaClient } from "../../db";

const BATCH = 500;
/** HOOKLINE_AUDIT_RETENTION_DAYS' default. */
export const AUDIT_RETENTION_DAYS = 365;

/**
 * Retention: deletes deliveries (their attempts go with them) and events older than `days`, in small
 * batches so the database is never locked up for long. Deliveries still pending or in flight are
 * kept whatever their age: history is pruned, work is not. Returns how many deliveries went.
 */
export async function pruneHistory(db: PrismaClient, days: number, now = new Date(), auditDays = AUDIT_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const batch = await db.delivery.findMany({
      where: { createdAt: { lt: cutoff }, status: { in: ["succeeded", "failed"] } },
      select: { id: true },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const { count } = await db.delivery.deleteMany({ where: { id: { in: batch.map((d) => d.id) } } });
    total += count;
  }
  for (;;) {
    const events = await db.event.findMany({ where: { occurredAt: { lt: cutoff }, deliveries: { none: {} } }, select: { id: true }, take: BATCH });
    if (events.length === 0) break;
    await db.event.deleteMany({ where: { id: { in: events.map((e) => e.id) } } });
  }
  // The overview's hourly counts, as long as the history they count.
  await db.deliveryStat.deleteMany({ where: { hour: { lt: cutoff } } });
  // The audit log, kept longer (HOOKLINE_AUDIT_RETENTION_DAYS), in batches as the deliveries are.
  const auditCutoff = new Date(now.getTime() - auditDays * 86_400_000);
  for (;;) {
    const old = await db.auditEntry.findMany({ where: { at: { lt: auditCutoff } }, select: { id: true }, take: BATCH });
    if (old.length === 0) break;
    await db.auditEntry.deleteMany({ where: { id: { in: old.map((e) => e.id) } } });
  }
  await pruneDeadOAuthGrants(db, now);
  // Sign-in links a day past their expiry, used or not: a second open of a used one only needs
  // recognising while someone might still try it (lib/server/workspaces/sign-in-links.ts).
  await db.signInLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return total;
}

/**
 * OAuth codes past their few minutes, and grants that can never be used again (revoked, or both
 * tokens expired) a day on: without this every token ever issued would stay, and the table grow
 * with each client-credentials call. A day's grace keeps a just-revoked grant visible to admins.
 * What recognises a replay stays longer: an exchanged code a day past its expiry (a stolen code is
 * raced against its client within its minutes), a rotated refresh token until it would have expired
 * anyway (its replay ends the grant, lib/server/oauth/oauth-model.ts).
 */
export async function pruneDeadOAuthGrants(db: PrismaClient, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.oAuthCode.deleteMany({ where: { OR: [{ expiresAt: { lt: now }, usedAt: null }, { expiresAt: { lt: dayAgo } }] } });
  await db.oAuthToken.deleteMany({
    where: {
      OR: [
        { revokedAt: { lt: dayAgo }, rotatedAt: null },
        { accessTokenExpiresAt: { lt: dayAgo }, OR: [{ refreshTokenExpiresAt: null }, { refreshTokenExpiresAt: { lt: dayAgo } }] },
      ],
    },
  });
}

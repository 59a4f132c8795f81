import { describe, expect, it } from "vitest";
import { ownersWithoutLock, reapLeases } from "@/lib/delivery/runtime/reap-leases";
import { LIVE_SUFFIX } from "@/lib/delivery/runtime/worker-liveness";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { holdLivenessLock } from "../../../helpers/liveness-lock";

const SELF = `reaper${LIVE_SUFFIX}`;
const ALIVE = `alive${LIVE_SUFFIX}`;
const DEAD = `dead${LIVE_SUFFIX}`;

describe.each(TEST_DATABASES)("reaping leases on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const now = new Date();
  const lease = new Date(now.getTime() + 60_000);
  const claimedAt = new Date(now.getTime() - 2_000);

  async function leasedTo(owner: string, expiresAt = lease) {
    const db = database().prisma;
    const hook = await enabledWebhook(`http://127.0.0.1:9/${owner}`);
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    const data = { webhookId: hook.id, eventId, status: "in_flight" as const, leaseOwner: owner, leaseExpiresAt: expiresAt, attemptCount: 3, claimedAt };
    return (await db.delivery.create({ data })).id;
  }
  const leaseOf = async (id: string) => (await database().prisma.delivery.findUniqueOrThrow({ where: { id } })).leaseExpiresAt?.getTime();

  it("takes only live-marked leases whose owner's lock is free, and only while the reaper holds its own", async () => {
    const releases = [await holdLivenessLock(database(), ALIVE)];
    try {
      const ids = { alive: await leasedTo(ALIVE), dead: await leasedTo(DEAD), unmarked: await leasedTo("embedded-worker") };
      // Without its own lock the reaper may itself be the one cut off: it sees nothing and takes nothing.
      expect(await ownersWithoutLock(database().prisma, SELF, now)).toBeNull();
      expect(await reapLeases(database().prisma, SELF, [DEAD], now)).toBe(0);
      expect(await leaseOf(ids.dead)).toBe(lease.getTime());

      releases.push(await holdLivenessLock(database(), SELF));
      expect(await ownersWithoutLock(database().prisma, SELF, now)).toEqual([DEAD]);
      // A lock taken again since it was judged free protects its leases.
      expect(await reapLeases(database().prisma, SELF, [DEAD, ALIVE], now)).toBe(1);
      expect(await leaseOf(ids.dead)).toBe(0); // claimable now
      expect(await leaseOf(ids.alive)).toBe(lease.getTime());
      expect(await leaseOf(ids.unmarked)).toBe(lease.getTime()); // no mark: only its lease can free it
      // The dead owner may only have been cut off: its request counts as open until its lease would have ended.
      expect(await database().prisma.reapedLease.findMany()).toEqual([
        { deliveryId: ids.dead, attempt: 3, webhookId: expect.any(String), owner: DEAD, claimedAt, expiresAt: lease },
      ]);
      expect(await ownersWithoutLock(database().prisma, SELF, now)).toEqual([]); // taken already
      expect(await reapLeases(database().prisma, SELF, [DEAD], now)).toBe(0);
    } finally {
      for (const release of releases.reverse()) await release();
    }
  });

  it("leaves leases that expired alone (they are claimable anyway) and clears out reaped leases past their end", async () => {
    const release = await holdLivenessLock(database(), SELF);
    try {
      const soon = new Date(now.getTime() + 1_000);
      const expired = await leasedTo(DEAD, new Date(now.getTime() - 1));
      const shortLease = await leasedTo(`short${LIVE_SUFFIX}`, soon);
      expect(await ownersWithoutLock(database().prisma, SELF, now)).toEqual([`short${LIVE_SUFFIX}`]);
      expect(await reapLeases(database().prisma, SELF, [DEAD, `short${LIVE_SUFFIX}`], now)).toBe(1);
      expect(await leaseOf(expired)).toBe(now.getTime() - 1);
      expect(await database().prisma.reapedLease.count()).toBe(1);

      const later = await leasedTo(DEAD, new Date(now.getTime() + 120_000));
      expect(await reapLeases(database().prisma, SELF, [DEAD], new Date(soon.getTime() + 1))).toBe(1);
      expect((await database().prisma.reapedLease.findMany()).map((r) => r.deliveryId)).toEqual([later]);
      expect(shortLease).not.toBe(later);
    } finally {
      await release();
    }
  });
});

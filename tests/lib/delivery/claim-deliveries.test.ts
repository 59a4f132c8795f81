import pg from "pg";
import { describe, expect, it } from "vitest";
import { CLAIM_LOCK, claimDeliveries, claimDelivery, nextDueAt, releaseLeases, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { recordAttempts, type TAttemptRecord } from "@/lib/delivery/record-attempts";
import { reapLeases } from "@/lib/delivery/runtime/reap-leases";
import { LIVE_SUFFIX } from "@/lib/delivery/runtime/worker-liveness";
import { freshDatabasePerTest, TEST_DATABASES, type TestPostgres } from "../../helpers/databases";
import { enabledWebhook } from "../../helpers/delivery";
import { holdLivenessLock } from "../../helpers/liveness-lock";

const LEASE_MS = 60_000;

describe.each(TEST_DATABASES)("claimDeliveries on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  /** `n` pending deliveries of `webhookId`, due at `dueAt` plus i ms each (so their order is known). */
  async function queue(webhookId: string, n: number, dueAt = new Date(Date.now() - 60_000)) {
    const db = database().prisma;
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    // One event per delivery would be truer, but the claim reads only the delivery rows' own columns.
    const rows = Array.from({ length: n }, (_, i) => ({ webhookId, eventId, nextAttemptAt: new Date(dueAt.getTime() + i) }));
    await db.delivery.createMany({ data: rows });
  }

  const inFlight = (webhookId: string) => database().prisma.delivery.count({ where: { webhookId, status: "in_flight" } });

  it("shares the slots round-robin: a webhook with a backlog does not hold back another's next delivery", async () => {
    const busy = await enabledWebhook("http://127.0.0.1:9/busy", { maxInFlight: 1000 });
    const quiet = await enabledWebhook("http://127.0.0.1:9/quiet");
    await queue(busy.id, 300, new Date(Date.now() - 120_000)); // older than the quiet one's
    await queue(quiet.id, 2);

    const claimed = await claimDeliveries(database().prisma, "w1", 4, new Date(), LEASE_MS);
    expect(claimed).toHaveLength(4);
    const byHook = (id: string) => claimed.filter((c) => c.webhookId === id).length;
    expect(byHook(quiet.id)).toBe(2);
    expect(byHook(busy.id)).toBe(2);
    // Each webhook's own deliveries still go oldest first.
    const busyDue = await database().prisma.delivery.findMany({ where: { webhookId: busy.id }, orderBy: { nextAttemptAt: "asc" }, take: 2 });
    expect(claimed.filter((c) => c.webhookId === busy.id).map((c) => c.id)).toEqual(busyDue.map((d) => d.id));
  });

  it("never leases more than a webhook's maxInFlight, counted across every worker", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/capped", { maxInFlight: 3 });
    await queue(hook.id, 40);
    // Twelve claims from four owners at once: whatever their interleaving, three leases in all.
    const rounds = await Promise.all(Array.from({ length: 12 }, (_, i) => claimDeliveries(database().prisma, `w${i % 4}`, 10, new Date(), LEASE_MS)));
    expect(rounds.flat()).toHaveLength(3);
    expect(await inFlight(hook.id)).toBe(3);

    // A finished delivery frees its slot (and only that one).
    const first = rounds.flat()[0];
    await database().prisma.delivery.update({ where: { id: first?.id }, data: { status: "succeeded", leaseOwner: null, leaseExpiresAt: null } });
    expect(await claimDeliveries(database().prisma, "w9", 10, new Date(), LEASE_MS)).toHaveLength(1);
    expect(await inFlight(hook.id)).toBe(3);
  });

  it.skipIf(backend.name !== "postgres")("a claim waits for one in progress and counts what that one leased", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/serial", { maxInFlight: 3 });
    await queue(hook.id, 6);
    // Another worker mid-claim: it holds the claim lock and has leased the three newest deliveries
    // (its view of the queue differed), not yet committed.
    const other = new pg.Client({ connectionString: (database() as TestPostgres).url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock($1::bigint)", [CLAIM_LOCK]);
      await other.query(
        `update "Delivery" set status = 'in_flight', "leaseOwner" = 'other', "leaseExpiresAt" = now() + interval '1 minute'
         where id in (select id from "Delivery" where "webhookId" = $1 order by "nextAttemptAt" desc limit 3)`,
        [hook.id],
      );
      const claim = claimDeliveries(database().prisma, "w", 10, new Date(), LEASE_MS);
      await new Promise((r) => setTimeout(r, 300));
      await other.query("commit");
      // Counted after the other claim committed: the cap is already full.
      expect(await claim).toHaveLength(0);
    } finally {
      await other.end();
    }
    expect(await inFlight(hook.id)).toBe(3);
  });

  it("a worker's own answered-but-not-yet-recorded deliveries do not count against the limits it claims within; other workers still count them", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h", { maxInFlight: 2 });
    await queue(hook.id, 5);
    const [a, b] = await claimDeliveries(database().prisma, "w1", 10, new Date(), LEASE_MS);
    expect(await claimDeliveries(database().prisma, "w1", 10, new Date(), LEASE_MS)).toHaveLength(0); // both open
    // w1 has the answer to a: its request is over, its record not yet written.
    expect(await claimDeliveries(database().prisma, "w2", 10, new Date(), LEASE_MS, [])).toHaveLength(0);
    const next = await claimDeliveries(database().prisma, "w1", 10, new Date(), LEASE_MS, [a?.id as string]);
    expect(next).toHaveLength(1);
    // Both limits hold for the requests really open: b and next.
    expect(await claimDeliveries(database().prisma, "w1", 10, new Date(), LEASE_MS, [a?.id as string])).toHaveLength(0);
    expect(next[0]?.id).not.toBe(b?.id);
    expect(await inFlight(hook.id)).toBe(3); // a (being recorded), b, next
  });

  it("an expired lease is neither counted as in flight nor left behind: it is claimed again", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/expired", { maxInFlight: 2 });
    await queue(hook.id, 2);
    const t0 = new Date();
    expect(await claimDeliveries(database().prisma, "dead", 10, t0, 1_000)).toHaveLength(2);
    expect(await claimDeliveries(database().prisma, "alive", 10, new Date(t0.getTime() + 500), LEASE_MS)).toHaveLength(0);
    const later = await claimDeliveries(database().prisma, "alive", 10, new Date(t0.getTime() + 2_000), LEASE_MS);
    expect(later).toHaveLength(2);
    expect(later.every((c) => c.attemptCount === 2)).toBe(true);
  });

  it("a rate limit counts claims of the last second across workers", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/paced", { maxInFlight: 100, rateLimitPerSecond: 5 });
    await queue(hook.id, 30);
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const first = await Promise.all(["a", "b", "c"].map((owner) => claimDeliveries(database().prisma, owner, 4, at(0), LEASE_MS)));
    expect(first.flat()).toHaveLength(5);
    expect(await claimDeliveries(database().prisma, "d", 10, at(999), LEASE_MS)).toHaveLength(0);
    // A second later the window has moved past the first five: five more, no more.
    const second = await Promise.all(["a", "b"].map((owner) => claimDeliveries(database().prisma, owner, 10, at(1_000), LEASE_MS)));
    expect(second.flat()).toHaveLength(5);
    expect(await claimDeliveries(database().prisma, "c", 10, at(1_500), LEASE_MS)).toHaveLength(0);
  });

  // Issue 19.2: a reaped worker may only have been cut off from the database, its requests still open.
  describe("after a reap", () => {
    const GONE = `gone${LIVE_SUFFIX}`;
    const REAPER = `reaper${LIVE_SUFFIX}`;
    const LONG = 10 * LEASE_MS; // the second owner's leases outlast the test's clock
    async function reapGone(at: Date) {
      const release = await holdLivenessLock(database(), REAPER);
      try {
        return await reapLeases(database().prisma, REAPER, [GONE], at);
      } finally {
        await release();
      }
    }
    const lateResult = (c: TClaimed): TAttemptRecord => ({
      claimed: c,
      owner: GONE,
      startedAt: new Date(),
      finishedAt: new Date(),
      requestHeaders: {},
      result: {
        ok: true,
        statusCode: 200,
        durationMs: 300,
        errorClass: null,
        errorMessage: null,
        responseHeaders: {},
        responseBody: "",
        isBodyTruncated: false,
      },
      outcome: { kind: "succeeded" },
    });

    it("a reaped request keeps its slot until its result comes in or its lease would have ended, counted once", async () => {
      const hook = await enabledWebhook("http://127.0.0.1:9/reaped", { maxInFlight: 3 });
      await queue(hook.id, 4);
      const t0 = new Date();
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const [a, b] = await claimDeliveries(database().prisma, GONE, 2, t0, LEASE_MS);
      expect(await reapGone(at(100))).toBe(2);
      // a and b are claimable again, but may still be open at the receiver: one slot of three is free.
      const next = await claimDeliveries(database().prisma, "w2", 10, at(200), LONG);
      expect(next.map((c) => c.id)).toEqual([a?.id]);
      expect(await claimDeliveries(database().prisma, "w2", 10, at(300), LONG)).toHaveLength(0);

      // a's first request ends: it is logged late, and its slot is free (b's is not).
      expect(await recordAttempts(database().prisma, [lateResult(a as TClaimed)], 10)).toEqual(["late"]);
      expect((await claimDeliveries(database().prisma, "w2", 10, at(400), LONG)).map((c) => c.id)).toEqual([b?.id]);
      expect(await claimDeliveries(database().prisma, "w2", 10, at(500), LONG)).toHaveLength(0);
      // b's first request never reports back: it stops counting when its lease would have expired.
      expect(await claimDeliveries(database().prisma, "w2", 10, at(LEASE_MS - 1), LONG)).toHaveLength(0);
      expect(await claimDeliveries(database().prisma, "w2", 10, at(LEASE_MS + 1), LONG)).toHaveLength(1);
    });

    it("a reaped request that reports back before anyone claimed the delivery again is its outcome", async () => {
      const hook = await enabledWebhook("http://127.0.0.1:9/reaped", { maxInFlight: 1 });
      await queue(hook.id, 2);
      const [a] = await claimDeliveries(database().prisma, GONE, 1, new Date(), LEASE_MS);
      expect(await reapGone(new Date())).toBe(1);
      expect(await recordAttempts(database().prisma, [lateResult(a as TClaimed)], 10)).toEqual(["recorded"]);
      expect(await database().prisma.delivery.findUniqueOrThrow({ where: { id: a?.id as string } })).toMatchObject({ status: "succeeded", attemptCount: 1 });
      // Its slot is free again: the other delivery goes, and a is not sent a second time.
      const other = await database().prisma.delivery.findFirstOrThrow({ where: { status: "pending" } });
      expect((await claimDeliveries(database().prisma, "w2", 10, new Date(), LONG)).map((c) => c.id)).toEqual([other.id]);
    });

    it("a reaped request's start counts toward the rate limit once, and beside its delivery's next claim", async () => {
      const hook = await enabledWebhook("http://127.0.0.1:9/reaped", { maxInFlight: 100, rateLimitPerSecond: 2 });
      await queue(hook.id, 3);
      const t0 = new Date();
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const [a] = await claimDeliveries(database().prisma, GONE, 1, t0, LEASE_MS);
      expect(await reapGone(at(50))).toBe(1);
      // One start in the window (a's, counted once): one more may start, and a, the oldest, goes again.
      expect((await claimDeliveries(database().prisma, "w2", 10, at(100), LONG)).map((c) => c.id)).toEqual([a?.id]);
      // Two starts in the window now, both a's.
      expect(await claimDeliveries(database().prisma, "w2", 10, at(200), LONG)).toHaveLength(0);
      expect(await claimDeliveries(database().prisma, "w2", 10, at(1_050), LONG)).toHaveLength(1);
    });
  });

  it("skips disabled webhooks and deliveries not yet due, and hands released leases back", async () => {
    const off = await enabledWebhook("http://127.0.0.1:9/off");
    await database().prisma.webhook.update({ where: { id: off.id }, data: { enabled: false } });
    await queue(off.id, 3);
    const on = await enabledWebhook("http://127.0.0.1:9/on");
    const dueIn = new Date(Date.now() + 60_000);
    await queue(on.id, 2, dueIn);
    expect(await claimDeliveries(database().prisma, "w", 10, new Date(), LEASE_MS)).toHaveLength(0);
    expect((await nextDueAt(database().prisma))?.getTime()).toBe(dueIn.getTime());

    const claimed = await claimDeliveries(database().prisma, "w", 10, new Date(dueIn.getTime() + 10), LEASE_MS);
    expect(claimed).toHaveLength(2);
    expect(
      await releaseLeases(
        database().prisma,
        "w",
        claimed.map((c) => c.id),
      ),
    ).toBe(2);
    const back = await database().prisma.delivery.findMany({ where: { webhookId: on.id } });
    expect(back.every((d) => d.status === "pending" && d.attemptCount === 0 && d.leaseOwner === null)).toBe(true);
  });

  it("a manual redelivery takes one delivery unless a live lease holds it", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/manual");
    await queue(hook.id, 1);
    const [row] = await database().prisma.delivery.findMany({ where: { webhookId: hook.id } });
    const id = row?.id as string;
    const now = new Date();
    expect((await claimDelivery(database().prisma, "manual:1", id, now, LEASE_MS))?.id).toBe(id);
    expect(await claimDelivery(database().prisma, "manual:2", id, now, LEASE_MS)).toBeNull();
    expect(await claimDeliveries(database().prisma, "w", 10, now, LEASE_MS)).toHaveLength(0);
  });
});

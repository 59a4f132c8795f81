import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { addHistograms, dayWindowStart, estimateQuantile, LATENCY_BUCKETS_MS } from "@/lib/delivery/delivery-stats";
import { publishEvent } from "@/lib/delivery/publish-event";
import { recordAttempts, type TAttemptRecord, type TOutcome } from "@/lib/delivery/record-attempts";
import type { TSendResult } from "@/lib/delivery/send-request";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, failedResult, OK_RESULT } from "../../helpers/delivery";

const bucketOf = (ms: number) => LATENCY_BUCKETS_MS.findLastIndex((low) => low <= ms);
const histogram = (counts: Record<number, number>) => LATENCY_BUCKETS_MS.map((_, i) => counts[i] ?? 0);

describe("latency histograms", () => {
  it("estimates a quantile linearly within its bucket", () => {
    // 10 answers between 20 and 50 ms: the median is half-way through that bucket.
    expect(estimateQuantile(histogram({ [bucketOf(20)]: 10 }), 0.5)).toBe(35);
    // 90 fast (0–5 ms) and 10 slow (1–2 s): p50 among the fast, p95 half-way through the slow bucket.
    const h = histogram({ 0: 90, [bucketOf(1_000)]: 10 });
    expect(estimateQuantile(h, 0.5)).toBe(3);
    expect(estimateQuantile(h, 0.95)).toBe(1_500);
  });

  it("answers null for no data and the lower bound in the open-ended last bucket", () => {
    expect(estimateQuantile(histogram({}), 0.5)).toBeNull();
    expect(estimateQuantile(histogram({ [LATENCY_BUCKETS_MS.length - 1]: 3 }), 0.95)).toBe(86_400_000);
  });

  it("starts the last 24 hours at the top of the hour 23 hours before now's", () => {
    expect(dayWindowStart(new Date("2026-11-24T12:30:00Z")).toISOString()).toBe("2026-11-23T13:00:00.000Z");
    expect(dayWindowStart(new Date("2026-11-24T12:00:00Z")).toISOString()).toBe("2026-11-23T13:00:00.000Z");
  });

  it("adds histograms element by element, shorter ones padded with zeros", () => {
    expect(addHistograms([[1, 2, 3], [4], []]).slice(0, 4)).toEqual([5, 2, 3, 0]);
    expect(addHistograms([])).toHaveLength(LATENCY_BUCKETS_MS.length);
  });
});

const ok = OK_RESULT;
const fail = failedResult(503);

describe.each(TEST_DATABASES)("hourly delivery stats on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const T0 = new Date("2026-11-24T12:59:00Z");

  async function claimed(n: number, at = T0): Promise<TClaimed[]> {
    for (let i = 0; i < n; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } }, { now: at });
    return claimDeliveries(db().prisma, "w1", n, new Date(at.getTime() + 1), 60_000);
  }
  const record = (c: TClaimed, result: TSendResult, outcome: TOutcome, afterMs: number): TAttemptRecord => ({
    claimed: c,
    owner: "w1",
    startedAt: T0,
    finishedAt: new Date(T0.getTime() + afterMs),
    requestHeaders: {},
    result,
    outcome,
  });
  const stats = () => db().prisma.deliveryStat.findMany({ orderBy: { hour: "asc" } });

  it("counts each finished delivery in the hour it finished, and first attempts by latency", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a, b, c] = (await claimed(3)) as [TClaimed, TClaimed, TClaimed];
    await recordAttempts(
      db().prisma,
      [
        record(a, ok, { kind: "succeeded" }, 30),
        record(b, fail, { kind: "failed" }, 700),
        // A retry to come: finished nothing, but its first attempt's latency counts.
        record(c, fail, { kind: "retry", at: new Date(T0.getTime() + 60_000) }, 2_500),
      ],
      10,
    );
    const [row] = await stats();
    expect(row).toMatchObject({ hour: new Date("2026-11-24T12:00:00Z"), succeeded: 1, failed: 1 });
    expect(row?.firstLatency).toEqual(histogram({ [bucketOf(30)]: 1, [bucketOf(700)]: 1, [bucketOf(2_500)]: 1 }));

    // The retry succeeds in the next hour: counted there, and not as a first attempt again.
    const [again] = (await claimDeliveries(db().prisma, "w1", 1, new Date(T0.getTime() + 61_000), 60_000)) as [TClaimed];
    await recordAttempts(db().prisma, [record(again, ok, { kind: "succeeded" }, 61_500)], 10);
    const rows = await stats();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ hour: new Date("2026-11-24T13:00:00Z"), succeeded: 1, failed: 0 });
    expect(rows[1]?.firstLatency).toEqual(histogram({}));
  });

  it("adds a later batch of the same hour to the row already there", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a, b] = (await claimed(2)) as [TClaimed, TClaimed];
    await recordAttempts(db().prisma, [record(a, ok, { kind: "succeeded" }, 10)], 10);
    await recordAttempts(db().prisma, [record(b, ok, { kind: "succeeded" }, 12)], 10);
    const [row] = await stats();
    expect(row).toMatchObject({ succeeded: 2, failed: 0 });
    expect(row?.firstLatency).toEqual(histogram({ [bucketOf(10)]: 2 }));
  });

  it("two workers recording into the same hour at once: both counted, nothing lost", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { maxInFlight: 100 } });
    for (let i = 0; i < 40; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } }, { now: T0 });
    const mine = await claimDeliveries(db().prisma, "w1", 20, new Date(T0.getTime() + 1), 60_000);
    const theirs = await claimDeliveries(db().prisma, "w2", 20, new Date(T0.getTime() + 1), 60_000);
    expect(mine.length + theirs.length).toBe(40);
    const records = (claimed: TClaimed[], owner: string) =>
      claimed.map((c, i) => ({
        ...record(c, i % 4 === 0 ? fail : ok, i % 4 === 0 ? { kind: "failed" as const } : { kind: "succeeded" as const }, 10 + i),
        owner,
      }));
    // Each in batches of 5, the two workers' batches interleaved.
    const batches = [0, 5, 10, 15].flatMap((at) => [records(mine.slice(at, at + 5), "w1"), records(theirs.slice(at, at + 5), "w2")]);
    await Promise.all(batches.map((batch) => recordAttempts(db().prisma, batch, 100)));
    const [row] = await stats();
    // In each batch of five, the first and the fifth failed for good: 8 batches × 2.
    expect(row).toMatchObject({ succeeded: 24, failed: 16 });
    expect(row?.firstLatency.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("counts nothing for an attempt recorded late (the delivery was claimed again meanwhile)", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a] = (await claimed(1)) as [TClaimed];
    await recordAttempts(db().prisma, [record({ ...a, attemptCount: a.attemptCount - 1 }, ok, { kind: "succeeded" }, 10)], 10);
    expect(await stats()).toEqual([]);
  });
});

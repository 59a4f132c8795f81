import { describe, expect, it } from "vitest";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { AttemptRecorder, recordAttempts, type TAttemptRecord } from "@/lib/delivery/record-attempts";
import type { TSendResult } from "@/lib/delivery/send-request";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook } from "../../helpers/delivery";

const ok: TSendResult = {
  ok: true,
  statusCode: 200,
  durationMs: 3,
  errorClass: null,
  errorMessage: null,
  responseHeaders: {},
  responseBody: "ok",
  isBodyTruncated: false,
};
const fail = (statusCode = 500): TSendResult => ({
  ...ok,
  ok: false,
  statusCode,
  errorClass: "http_status",
  errorMessage: `HTTP ${statusCode}`,
  responseBody: "no",
});

describe.each(TEST_DATABASES)("recording attempts on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const T0 = new Date("2026-11-24T12:00:00Z");

  async function claimed(n: number, owner = "w1"): Promise<TClaimed[]> {
    for (let i = 0; i < n; i++) await publishEvent({ event: "deals.created", data: { i } }, { now: T0 });
    return claimDeliveries(db().prisma, owner, n, new Date(T0.getTime() + 1_000), 60_000);
  }
  const record = (c: TClaimed, result: TSendResult, finishedAfterMs: number, owner = "w1"): TAttemptRecord => ({
    claimed: c,
    owner,
    startedAt: T0,
    finishedAt: new Date(T0.getTime() + finishedAfterMs),
    requestHeaders: { Event: "deals.created" },
    result,
    outcome: result.ok ? { kind: "succeeded" } : { kind: "retry", at: new Date(T0.getTime() + 60_000) },
  });
  const webhook = (id: string) => db().prisma.webhook.findUniqueOrThrow({ where: { id } });

  it("works out health in the order attempts finished, not the order they are listed", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { consecutiveFailures: 4 } });
    const [a, b, c, d] = await claimed(4);
    // Finished: fail (1 ms), fail (2 ms), success (3 ms), fail (4 ms); listed shuffled.
    const done = await recordAttempts(
      db().prisma,
      [record(d as TClaimed, fail(), 4), record(a as TClaimed, fail(), 1), record(c as TClaimed, ok, 3), record(b as TClaimed, fail(), 2)],
      10,
    );
    expect(done).toEqual([true, true, true, true]);
    expect(await webhook(hook.id)).toMatchObject({
      consecutiveFailures: 1,
      enabled: true,
      lastSuccessAt: new Date(T0.getTime() + 3),
      lastFailureAt: new Date(T0.getTime() + 4),
      lastDeliveryAt: new Date(T0.getTime() + 4),
    });
    expect(await db().prisma.attempt.count()).toBe(4);
    expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(1);
    expect(await db().prisma.delivery.count({ where: { status: "pending", nextAttemptAt: new Date(T0.getTime() + 60_000) } })).toBe(3);
  });

  it("adds failures to the stored count and disables at the limit, or at once on 410", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { consecutiveFailures: 8 } });
    const [a, b] = await claimed(2);
    await recordAttempts(db().prisma, [record(a as TClaimed, fail(), 1), record(b as TClaimed, fail(), 2)], 10);
    expect(await webhook(hook.id)).toMatchObject({
      consecutiveFailures: 10,
      enabled: false,
      disabledReason: "10 consecutive failed deliveries",
      disabledAt: new Date(T0.getTime() + 2),
    });

    const gone = await enabledWebhook("http://127.0.0.1:9/gone", { events: ["page.created"] });
    await publishEvent({ event: "page.created", data: {} }, { now: T0 });
    const [g] = await claimDeliveries(db().prisma, "w1", 1, new Date(T0.getTime() + 1_000), 60_000);
    await recordAttempts(db().prisma, [{ ...record(g as TClaimed, fail(410), 5), outcome: { kind: "failed" } }], 10);
    expect(await webhook(gone.id)).toMatchObject({ enabled: false, consecutiveFailures: 1, disabledReason: "The receiver answered 410 Gone" });
  });

  it("fences each record on its lease: a lost one is dropped, the rest are written", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a, b] = await claimed(2);
    const done = await recordAttempts(db().prisma, [record(a as TClaimed, ok, 1), record(b as TClaimed, ok, 2, "someone-else")], 10);
    expect(done).toEqual([true, false]);
    expect(await db().prisma.attempt.findMany({ select: { deliveryId: true } })).toEqual([{ deliveryId: a?.id }]);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: b?.id as string } })).toMatchObject({ status: "in_flight", leaseOwner: "w1" });
  });

  it("stores a receiver's NUL bytes as U+FFFD rather than failing", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a] = await claimed(1);
    const withNul = { ...ok, responseBody: "a\u0000b", responseHeaders: { "x-odd": "c\u0000d" } };
    expect(await recordAttempts(db().prisma, [record(a as TClaimed, withNul, 1)], 10)).toEqual([true]);
    expect(await db().prisma.attempt.findFirstOrThrow()).toMatchObject({ responseBody: "a\uFFFDb", responseHeaders: { "x-odd": "c\uFFFDd" } });
  });

  it("the recorder groups what finishes together, and a bad record fails alone", async () => {
    await enabledWebhook("http://127.0.0.1:9/h", { maxInFlight: 100 }); // 30 in flight at once
    const all = await claimed(30);
    // Make one record impossible to write: its attempt number is taken already.
    const bad = all[7] as TClaimed;
    await db().prisma.attempt.create({
      data: { deliveryId: bad.id, number: bad.attemptCount, trigger: "auto", startedAt: T0, durationMs: 1, requestHeaders: {} },
    });
    const recorder = new AttemptRecorder(db().prisma, 10);
    const results = await Promise.allSettled(all.map((c, i) => recorder.record(record(c, ok, i))));
    expect(results.filter((r) => r.status === "fulfilled" && r.value === true)).toHaveLength(29);
    expect(results[7]?.status).toBe("rejected");
    expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(29);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { AttemptRecorder, recordAttempts, type TAttemptRecord } from "@/lib/delivery/record-attempts";
import type { TSendResult } from "@/lib/delivery/send-request";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, failedResult, OK_RESULT } from "../../helpers/delivery";

const ok = OK_RESULT;
const fail = failedResult;

describe.each(TEST_DATABASES)("recording attempts on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const T0 = new Date("2026-11-24T12:00:00Z");

  async function claimed(n: number, owner = "w1"): Promise<TClaimed[]> {
    for (let i = 0; i < n; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } }, { now: T0 });
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
    expect(done).toEqual(["recorded", "recorded", "recorded", "recorded"]);
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

  it("keeps the last failure's status and error class, through later successes", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const [a, b, c] = await claimed(3);
    const timeout: TSendResult = { ...fail(), statusCode: null, errorClass: "timeout" };
    // Listed out of order: the 503 finished last of the two failures.
    await recordAttempts(db().prisma, [record(b as TClaimed, fail(503), 2), record(a as TClaimed, timeout, 1)], 10);
    expect(await webhook(hook.id)).toMatchObject({ lastFailureStatusCode: 503, lastFailureErrorClass: "http_status" });
    await recordAttempts(db().prisma, [record(c as TClaimed, ok, 3)], 10);
    expect(await webhook(hook.id)).toMatchObject({ consecutiveFailures: 0, lastFailureStatusCode: 503, lastFailureErrorClass: "http_status" });
  });

  it("adds failures to the stored count and disables at the limit, or at once on 410", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { consecutiveFailures: 8 } });
    const [a, b] = await claimed(2);
    await recordAttempts(db().prisma, [record(a as TClaimed, fail(), 1), record(b as TClaimed, fail(), 2)], 10);
    expect(await webhook(hook.id)).toMatchObject({
      consecutiveFailures: 10,
      enabled: false,
      disabledReason: "Disabled after 10 failed attempts in a row",
      disabledAt: new Date(T0.getTime() + 2),
    });

    const gone = await enabledWebhook("http://127.0.0.1:9/gone", { events: ["page.created"] });
    await publishEvent(ctx(), { event: "page.created", data: {} }, { now: T0 });
    const [g] = await claimDeliveries(db().prisma, "w1", 1, new Date(T0.getTime() + 1_000), 60_000);
    await recordAttempts(db().prisma, [{ ...record(g as TClaimed, fail(410), 5), outcome: { kind: "failed" } }], 10);
    expect(await webhook(gone.id)).toMatchObject({ enabled: false, consecutiveFailures: 1, disabledReason: "The receiver answered 410 Gone" });
  });

  it("fences each record on its lease: a lost one is dropped, the rest are written", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a, b] = await claimed(2);
    const done = await recordAttempts(db().prisma, [record(a as TClaimed, ok, 1), record(b as TClaimed, ok, 2, "someone-else")], 10);
    expect(done).toEqual(["recorded", "dropped"]);
    expect(await db().prisma.attempt.findMany({ select: { deliveryId: true } })).toEqual([{ deliveryId: a?.id }]);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: b?.id as string } })).toMatchObject({ status: "in_flight", leaseOwner: "w1" });
  });

  // Issue 19.2: w1 was cut off from the database, its lease reaped, and w2 claimed the delivery
  // again. w1's request was made all the same: its result is kept, marked late, and changes nothing.
  it.each([
    ["after", true],
    ["before", false],
  ])("a result whose delivery was claimed again since is kept as a late attempt, %s the new owner's", async (_, isNewFirst) => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const [first] = await claimed(1);
    const [again] = await claimDeliveries(db().prisma, "w2", 1, new Date(T0.getTime() + 120_000), 60_000); // w1's lease expired
    expect(again).toMatchObject({ id: first?.id, attemptCount: 2 });
    const theirs = record(again as TClaimed, ok, 200_000, "w2");
    const ours = record(first as TClaimed, fail(), 5);
    if (isNewFirst) expect(await recordAttempts(db().prisma, [theirs], 10)).toEqual(["recorded"]);
    expect(await recordAttempts(db().prisma, [ours], 10)).toEqual(["late"]);
    if (!isNewFirst) expect(await recordAttempts(db().prisma, [theirs], 10)).toEqual(["recorded"]);

    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: first?.id as string } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
      lastStatusCode: 200,
      lastErrorClass: null,
    });
    const attempts = await db().prisma.attempt.findMany({ orderBy: { number: "asc" }, select: { number: true, statusCode: true, isLate: true } });
    expect(attempts).toEqual([
      { number: 1, statusCode: 500, isLate: true },
      { number: 2, statusCode: 200, isLate: false },
    ]);
    // The late failure is not the webhook's: no failure counted, no failure time.
    expect(await webhook(hook.id)).toMatchObject({ consecutiveFailures: 0, lastFailureAt: null });
    // Written again (as after a write whose answer was lost): nothing more is kept.
    expect(await recordAttempts(db().prisma, [ours], 10)).toEqual(["dropped"]);
    expect(await db().prisma.attempt.count()).toBe(2);
  });

  it("the recorder writes again through a dropped connection instead of losing the record", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a] = await claimed(1);
    const prisma = db().prisma;
    let cuts = 1;
    // A client whose first statement is cut off by the server, as pg_terminate_backend does.
    const blipping = new Proxy(prisma, {
      get(target, key, receiver) {
        if (key === "$queryRaw" && cuts > 0) {
          cuts--;
          return () => Promise.reject(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    expect(await new AttemptRecorder(blipping, 10).record(record(a as TClaimed, ok, 1))).toBe("recorded");
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: a?.id as string } })).toMatchObject({ status: "succeeded" });
  });

  it("stores a receiver's NUL bytes as U+FFFD rather than failing", async () => {
    await enabledWebhook("http://127.0.0.1:9/h");
    const [a] = await claimed(1);
    const withNul = { ...ok, responseBody: "a\u0000b", responseHeaders: { "x-odd": "c\u0000d" } };
    expect(await recordAttempts(db().prisma, [record(a as TClaimed, withNul, 1)], 10)).toEqual(["recorded"]);
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
    expect(results.filter((r) => r.status === "fulfilled" && r.value === "recorded")).toHaveLength(29);
    expect(results[7]?.status).toBe("rejected");
    expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(29);
  });
});

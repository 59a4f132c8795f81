import { describe, expect, it } from "vitest";
import { pruneHistory } from "@/lib/delivery/runtime/prune-history";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe.each(TEST_DATABASES)("pruneHistory on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  const event = (occurredAt: Date, type = "deals.created") =>
    db().prisma.event.create({ data: { type, payload: { at: occurredAt.toISOString() }, occurredAt } });

  it("deletes finished deliveries older than the limit with their attempts, and keeps recent and unfinished ones", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const old = await event(daysAgo(40));
    const recent = await event(daysAgo(10));
    const delivery = (status: "pending" | "in_flight" | "succeeded" | "failed", createdAt: Date, eventId = old.id) =>
      db().prisma.delivery.create({ data: { webhookId: hook.id, eventId, status, createdAt } });
    const oldSucceeded = await delivery("succeeded", daysAgo(40));
    const oldFailed = await delivery("failed", daysAgo(31));
    const oldPending = await delivery("pending", daysAgo(40));
    const oldInFlight = await delivery("in_flight", daysAgo(40));
    const atCutoff = await delivery("succeeded", daysAgo(30));
    const recentSucceeded = await delivery("succeeded", daysAgo(10), recent.id);
    for (const d of [oldSucceeded, oldFailed, recentSucceeded])
      await db().prisma.attempt.create({ data: { deliveryId: d.id, number: 1, trigger: "auto", startedAt: d.createdAt, durationMs: 5, requestHeaders: {} } });

    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(2);
    const left = await db().prisma.delivery.findMany({ select: { id: true } });
    expect(new Set(left.map((d) => d.id))).toEqual(new Set([oldPending.id, oldInFlight.id, atCutoff.id, recentSucceeded.id]));
    expect(await db().prisma.attempt.findMany({ select: { deliveryId: true } })).toEqual([{ deliveryId: recentSucceeded.id }]);
    // The old event still has deliveries waiting: it stays.
    expect(await db().prisma.event.count()).toBe(2);
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(0);
  });

  it("deletes old events left without deliveries, and keeps recent ones", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await event(daysAgo(45)); // no deliveries at all
    const finishedOld = await event(daysAgo(45));
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: finishedOld.id, status: "failed", createdAt: daysAgo(45) } });
    const lonelyRecent = await event(daysAgo(1));
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(1);
    expect(await db().prisma.event.findMany({ select: { id: true } })).toEqual([{ id: lonelyRecent.id }]);
  });

  it("works through more than one batch", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const old = await event(daysAgo(60));
    await db().prisma.delivery.createMany({
      data: Array.from({ length: 1_234 }, () => ({ webhookId: hook.id, eventId: old.id, status: "succeeded" as const, createdAt: daysAgo(60) })),
    });
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: old.id, status: "pending", createdAt: daysAgo(60) } });
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(1_234);
    expect(await db().prisma.delivery.count()).toBe(1);
    expect(await db().prisma.event.count()).toBe(1);
  });

  it("counts days back from the given now", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const e = await event(daysAgo(8));
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: e.id, status: "succeeded", createdAt: daysAgo(8) } });
    expect(await pruneHistory(db().prisma, 10, NOW)).toBe(0);
    expect(await pruneHistory(db().prisma, 7, NOW)).toBe(1);
    expect(await db().prisma.event.count()).toBe(0);
  });
});

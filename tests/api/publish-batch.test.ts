import { describe, expect, it } from "vitest";
import { POST as publishBatchRoute } from "@/app/api/v1/events/batch/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishBatch, publishEvent } from "@/lib/delivery/publish-event";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook } from "../helpers/delivery";
import { adminKey, call } from "../helpers/routes";

const events = (n: number, make: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ event: "deals.created", data: { i }, ...make(i) }));

describe.each(TEST_DATABASES)("POST /api/v1/events/batch on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("202: one result per event in the order sent, each with its own deliveries", async () => {
    const key = await adminKey();
    const deals = await enabledWebhook("http://127.0.0.1:9/deals", { events: ["deals.created"] });
    await enabledWebhook("http://127.0.0.1:9/all", { events: ["*"] });
    const body = { events: [...events(3), { event: "page.created", data: { page: 1 } }] };
    const res = await call(publishBatchRoute, { method: "POST", key, body });
    expect(res.status).toBe(202);
    expect(res.json.data.map((r: { deliveries: number }) => r.deliveries)).toEqual([2, 2, 2, 1]);
    expect(res.json.data.every((r: { isDuplicate: boolean }) => !r.isDuplicate)).toBe(true);
    expect(new Set(res.json.data.map((r: { id: string }) => r.id)).size).toBe(4);
    for (const [i, r] of res.json.data.slice(0, 3).entries()) {
      const event = await db().prisma.event.findUniqueOrThrow({ where: { id: r.id } });
      expect(event.payload).toEqual({ i });
    }
    expect(await db().prisma.delivery.count({ where: { webhookId: deals.id } })).toBe(3);
  });

  it("one bad event: 400 naming its index, and nothing of the batch is written", async () => {
    const key = await adminKey();
    await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const cases: [unknown[], string, number][] = [
      [events(5, (i) => (i === 3 ? { event: "" } : {})), "events.3.event", 400],
      [events(5, (i) => (i === 2 ? { event: "no.such.type" } : {})), "events.2.event", 400],
      [events(5, (i) => (i === 4 ? { extra: true } : {})), "events.4", 400],
      [events(5, (i) => (i === 1 ? { projectId: "bad id/slash" } : {})), "events.1.projectId", 400],
      [events(3, (i) => (i === 1 ? { data: { s: "nul\u0000" } } : {})), "events.1.data.s", 400],
    ];
    for (const [list, path, status] of cases) {
      const res = await call(publishBatchRoute, { method: "POST", key, body: { events: list } });
      expect(res.status, path).toBe(status);
      expect(
        res.json.error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(path);
    }
    const big = await call(publishBatchRoute, {
      method: "POST",
      key,
      body: { events: events(3, (i) => (i === 2 ? { data: { b: "x".repeat(300 * 1024) } } : {})) },
    });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toMatch(/^events\.2\.data is \d+ bytes/);
    expect((await call(publishBatchRoute, { method: "POST", key, body: { events: [] } })).status).toBe(400);
    expect((await call(publishBatchRoute, { method: "POST", key, body: { events: events(501) } })).json.error.message).toMatch(/at most 500 events/);
    expect(await db().prisma.event.count()).toBe(0);
    expect(await db().prisma.delivery.count()).toBe(0);
  });

  it("idempotency keys work per event, against earlier publishes and within the batch", async () => {
    await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const earlier = await publishEvent(ctx(), { event: "deals.created", data: {}, idempotencyKey: "k-old" });
    const { data } = await publishBatch(ctx(), {
      events: [
        { event: "deals.created", data: { n: 1 }, idempotencyKey: "k-new" },
        { event: "deals.created", data: { n: 2 }, idempotencyKey: "k-old" },
        { event: "deals.created", data: { n: 3 }, idempotencyKey: "k-new" },
        { event: "deals.created", data: { n: 4 } },
      ],
    });
    expect(data[0]).toMatchObject({ deliveries: 1, isDuplicate: false });
    expect(data[1]).toEqual({ id: earlier.id, deliveries: 1, isDuplicate: true });
    expect(data[2]).toEqual({ id: data[0]?.id, deliveries: 1, isDuplicate: true });
    expect(data[3]).toMatchObject({ deliveries: 1, isDuplicate: false });
    expect(await db().prisma.event.count()).toBe(3);
    expect(await db().prisma.delivery.count()).toBe(3);
    // The whole batch again: all duplicates, nothing new.
    const again = await publishBatch(ctx(), { events: [{ event: "deals.created", data: {}, idempotencyKey: "k-new" }] });
    expect(again.data).toEqual([{ id: data[0]?.id, deliveries: 1, isDuplicate: true }]);
    expect(await db().prisma.event.count()).toBe(3);
  });

  it("a batch of 500 is one statement's worth: all written with their deliveries", async () => {
    await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const { data } = await publishBatch(ctx(), { events: events(500) });
    expect(data).toHaveLength(500);
    expect(await db().prisma.event.count()).toBe(500);
    expect(await db().prisma.delivery.count()).toBe(500);
  });
});

import { describe, expect, it } from "vitest";
import { POST as publishBatchRoute } from "@/app/api/v1/events/batch/route";
import { POST as publish } from "@/app/api/v1/events/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishBatch, publishEvent } from "@/lib/delivery/publish-event";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook } from "../../helpers/delivery";
import { adminKey, call } from "../../helpers/routes";
import { configureEnv, unstubEnvAfterEach } from "../../helpers/stub-env";

describe.each(TEST_DATABASES)("publishing events on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("202: one event and one pending delivery per matching enabled webhook", async () => {
    const key = await adminKey();
    const all = await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const deals = await enabledWebhook("http://127.0.0.1:9/b", { events: ["deals.created"] });
    await enabledWebhook("http://127.0.0.1:9/c", { events: ["page.created"] });
    await (await import("@/lib/server/webhooks/create-webhook")).createWebhook(ctx(), { url: "http://127.0.0.1:9/disabled", events: ["*"] });
    await db().prisma.project.create({ data: { id: "p1", name: "P1" } });
    const onlyP1 = await enabledWebhook("http://127.0.0.1:9/p1", { events: ["*"], projects: ["p1"] });

    const res = await call(publish, { method: "POST", key, body: { event: "deals.created", data: { id: 7, name: "Big deal" } } });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ deliveries: 2, isDuplicate: false });
    const deliveries = await db().prisma.delivery.findMany({ where: { eventId: res.json.id } });
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([all.id, deals.id].sort());
    expect(deliveries.every((d) => d.status === "pending" && d.attemptCount === 0)).toBe(true);

    const inP1 = await publishEvent(ctx(), { event: "deals.created", projectId: "p1", data: {} });
    expect(inP1.deliveries).toBe(3);
    const other = await publishEvent(ctx(), { event: "page.created", projectId: "p2", data: {} });
    expect(other.deliveries).toBe(2); // the all-events webhook and the page.created one; not the p1-only one
    expect((await db().prisma.delivery.findMany({ where: { eventId: other.id } })).map((d) => d.webhookId)).not.toContain(onlyP1.id);
  });

  it("an unknown project is created (name = id)", async () => {
    await publishEvent(ctx(), { event: "post_task", projectId: "333", data: { task: 1 } });
    expect(await db().prisma.project.findFirst({ where: { id: "333" } })).toMatchObject({ name: "333" });
  });

  it("refuses unknown types, oversized data and malformed JSON with 4xx, writing nothing", async () => {
    const key = await adminKey();
    const unknown = await call(publish, { method: "POST", key, body: { event: "no.such", data: {} } });
    expect(unknown).toMatchObject({ status: 400, json: { error: { code: "validation_failed" } } });
    expect(unknown.json.error.message).toContain('Unknown event type "no.such"');
    const big = await call(publish, { method: "POST", key, body: { event: "deals.created", data: { blob: "x".repeat(300 * 1024) } } });
    expect(big.status).toBe(413);
    expect((await call(publish, { method: "POST", key, rawBody: '{"event": "deals.created", ' })).status).toBe(400);
    expect((await call(publish, { method: "POST", key, body: { event: "deals.created", extra: 1 } })).status).toBe(400);
    expect((await call(publish, { method: "POST", body: { event: "deals.created" } })).status).toBe(401);
    expect(await db().prisma.event.count()).toBe(0);
    expect(await db().prisma.delivery.count()).toBe(0);
  });

  it("hookline.* events are Hookline's own: refused from anyone else, and never delivered to the webhook they are about", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const other = await enabledWebhook("http://127.0.0.1:9/b", { events: ["*"] });
    await expect(publishEvent(ctx(), { event: "hookline.webhook.disabled", data: { webhook: { id: other.id } } })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "event" }],
    });
    expect(await db().prisma.event.count()).toBe(0);
    const told = await publishEvent(ctx(), { event: "hookline.webhook.disabled", data: { webhook: { id: hook.id } } }, { isOperational: true });
    expect(told.deliveries).toBe(1);
    expect((await db().prisma.delivery.findMany()).map((d) => d.webhookId)).toEqual([other.id]);
  });

  it("a repeated idempotencyKey returns the first result and creates nothing", async () => {
    await enabledWebhook("http://127.0.0.1:9/a");
    const first = await publishEvent(ctx(), { event: "deals.created", data: { n: 1 }, idempotencyKey: "order-42" });
    const again = await publishEvent(ctx(), { event: "deals.created", data: { n: 2 }, idempotencyKey: "order-42" });
    expect(again).toEqual({ id: first.id, deliveries: 1, isDuplicate: true });
    expect(await db().prisma.event.count()).toBe(1);
    expect(await db().prisma.delivery.count()).toBe(1);
  });

  it("a publish that fails part-way leaves neither event nor delivery (one atomic statement)", async () => {
    await enabledWebhook("http://127.0.0.1:9/a");
    // Make the last write of the publish fail: a trigger that refuses every new delivery.
    await db().prisma.$executeRawUnsafe(
      `create function refuse_delivery() returns trigger language plpgsql as $$ begin raise exception 'crash after writing'; end $$`,
    );
    await db().prisma.$executeRawUnsafe(`create trigger refuse_delivery before insert on "Delivery" for each row execute function refuse_delivery()`);
    await expect(publishEvent(ctx(), { event: "deals.created", projectId: "new-project", data: {} })).rejects.toThrow("crash after writing");
    expect(await db().prisma.event.count()).toBe(0);
    expect(await db().prisma.delivery.count()).toBe(0);
    expect(await db().prisma.project.count()).toBe(0);
  });

  it("two publishes racing with one idempotencyKey create one event; both get its id", async () => {
    await enabledWebhook("http://127.0.0.1:9/a");
    const results = await Promise.all(Array.from({ length: 6 }, () => publishEvent(ctx(), { event: "deals.created", data: {}, idempotencyKey: "same" })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.isDuplicate).length).toBeLessThanOrEqual(1);
    expect(await db().prisma.event.count()).toBe(1);
    expect(await db().prisma.delivery.count()).toBe(1);
  });
});

describe.each(TEST_DATABASES)("HOOKLINE_VALIDATE_PAYLOADS on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  unstubEnvAfterEach();
  const bad = { id: "seven", title: "Big" };

  it("warn (the default): delivered, with the schema's complaints kept on the event for the delivery's page", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/a", { events: ["deals.created"] });
    const published = await publishEvent(ctx(), { event: "deals.created", data: bad });
    expect(published.deliveries).toBe(1);
    const event = await db().prisma.event.findUniqueOrThrow({ where: { id: published.id } });
    expect(event.schemaErrors).toEqual(["data.id must be integer"]);
    const delivery = await db().prisma.delivery.findFirstOrThrow({ where: { eventId: published.id } });
    expect((await getDelivery(ctx(), delivery.id)).schemaErrors).toEqual(["data.id must be integer"]);
    expect(delivery.webhookId).toBe(hook.id);
    // Conforming data has none.
    const good = await publishEvent(ctx(), { event: "deals.created", data: { id: 7, title: "Big" } });
    expect((await db().prisma.event.findUniqueOrThrow({ where: { id: good.id } })).schemaErrors).toBeNull();
  });

  it("reject: 400 naming every broken rule, and nothing written, for one event and for a batch", async () => {
    configureEnv({ HOOKLINE_VALIDATE_PAYLOADS: "reject" });
    await enabledWebhook("http://127.0.0.1:9/a", { events: ["*"] });
    const key = await adminKey();
    const res = await call(publish, { method: "POST", key, body: { event: "deals.created", data: { title: 5 } } });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      { path: "data", message: "data must have required property 'id' (the schema of deals.created)" },
      { path: "data.title", message: "data.title must be string (the schema of deals.created)" },
    ]);
    const batch = await call(publishBatchRoute, {
      method: "POST",
      key,
      body: {
        events: [
          { event: "deals.created", data: { id: 1, title: "ok" } },
          { event: "post_task", data: { id: "1", name: "n" } },
        ],
      },
    });
    expect(batch.status).toBe(400);
    expect(batch.json.error.issues).toEqual([
      { path: "events.1.data", message: "events.1.data must have required property 'project' (the schema of post_task)" },
    ]);
    expect(await db().prisma.event.count()).toBe(0);
    expect(await db().prisma.delivery.count()).toBe(0);
    expect((await call(publish, { method: "POST", key, body: { event: "deals.created", data: { id: 1, title: "ok" } } })).status).toBe(202);
  });

  it("off: not checked at all", async () => {
    configureEnv({ HOOKLINE_VALIDATE_PAYLOADS: "off" });
    const published = await publishEvent(ctx(), { event: "deals.created", data: bad });
    expect((await db().prisma.event.findUniqueOrThrow({ where: { id: published.id } })).schemaErrors).toBeNull();
  });
});

describe.each(TEST_DATABASES)("payload filters at publish on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("an event that does not match creates no delivery for that webhook; others get theirs; a batch is decided per event", async () => {
    const big = await enabledWebhook("http://127.0.0.1:9/big", { events: ["*"], filter: { "data.amount": { $gt: 1000 } } });
    const vip = await enabledWebhook("http://127.0.0.1:9/vip", { events: ["*"], filter: { $or: [{ "data.tags": "vip" }, { projectId: "p1" }] } });
    const all = await enabledWebhook("http://127.0.0.1:9/all", { events: ["*"] });
    const small = await publishEvent(ctx(), { event: "deals.created", data: { amount: 5 } });
    expect(small.deliveries).toBe(1);
    const large = await publishEvent(ctx(), { event: "deals.created", data: { amount: 5000, tags: ["vip"] } });
    expect(large.deliveries).toBe(3);
    const hooksOf = async (eventId: string) =>
      (await db().prisma.delivery.findMany({ where: { eventId }, select: { webhookId: true } })).map((d) => d.webhookId).sort();
    expect(await hooksOf(small.id)).toEqual([all.id]);
    expect(await hooksOf(large.id)).toEqual([big.id, vip.id, all.id].sort());
    const batch = await publishBatch(ctx(), {
      events: [
        { event: "deals.created", data: { amount: 2000 } },
        { event: "deals.created", projectId: "p1", data: {} },
      ],
    });
    expect(batch.data.map((r) => r.deliveries)).toEqual([2, 2]);
    expect(await hooksOf(batch.data[1]?.id as string)).toEqual([vip.id, all.id].sort());
  });

  it("the envelope's fields are the ones a receiver gets: event, timestamp as ISO, projectId", async () => {
    const at = new Date("2026-03-02T09:15:00.000Z");
    const hook = await enabledWebhook("http://127.0.0.1:9/f", {
      events: ["*"],
      filter: { event: "deals.created", timestamp: { $gte: "2026-03-02T09:15:00Z", $lt: "2026-03-02T09:15:00.001Z" }, projectId: null },
    });
    expect((await publishEvent(ctx(), { event: "deals.created", data: {} }, { now: at })).deliveries).toBe(1);
    expect((await publishEvent(ctx(), { event: "deals.updated", data: {} }, { now: at })).deliveries).toBe(0);
    expect((await publishEvent(ctx(), { event: "deals.created", data: {} }, { now: new Date(at.getTime() + 1) })).deliveries).toBe(0);
    expect(hook.filter).toEqual({ event: "deals.created", timestamp: { $gte: "2026-03-02T09:15:00Z", $lt: "2026-03-02T09:15:00.001Z" }, projectId: null });
  });
});

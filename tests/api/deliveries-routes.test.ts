import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as redeliver } from "@/app/api/v1/deliveries/[id]/redeliver/route";
import { GET as getOne } from "@/app/api/v1/deliveries/[id]/route";
import { GET as list } from "@/app/api/v1/deliveries/route";
import { POST as replay } from "@/app/api/v1/webhooks/[id]/replay/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { pruneHistory } from "@/lib/delivery/runtime/prune-history";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call } from "../helpers/routes";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("delivery log routes on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 200;
  let key: string;
  beforeEach(async () => {
    status = 200;
    key = await adminKey();
    receiver = await startReceiver((_q, res) => {
      res.statusCode = status;
      res.end(status === 200 ? "fine" : "broken");
    });
  });
  afterEach(() => receiver.close());
  const drain = () => new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();

  it("401 without a key; 400 for a malformed id or filter; 404 for an unknown id", async () => {
    expect((await call(list, {})).status).toBe(401);
    expect((await call(getOne, { key, params: { id: "not-a-uuid" } })).status).toBe(400);
    expect((await call(getOne, { key, params: { id: MISSING } })).status).toBe(404);
    expect((await call(redeliver, { method: "POST", key, params: { id: MISSING } })).status).toBe(404);
    expect((await call(redeliver, { method: "POST", key, params: { id: "123" } })).status).toBe(400);
    expect((await call(list, { key, path: "/deliveries?status=lost" })).status).toBe(400);
    expect((await call(list, { key, path: "/deliveries?cursor=garbage" })).status).toBe(400);
    expect((await call(list, { key, path: "/deliveries?since=yesterday" })).status).toBe(400);
    expect((await call(replay, { method: "POST", key, params: { id: MISSING }, body: { since: new Date().toISOString() } })).status).toBe(404);
    expect((await call(replay, { method: "POST", key, params: { id: "nope" }, body: { since: new Date().toISOString() } })).status).toBe(400);
    // A cursor that decodes to a date and something that is not a delivery id:
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), "x'; drop table"])).toString("base64url");
    expect((await call(list, { key, path: `/deliveries?cursor=${forged}` })).status).toBe(400);
  });

  it("since and until select a time range, end exclusive", async () => {
    await enabledWebhook(`${receiver.url}/a`);
    const at = (iso: string) => publishEvent(ctx(), { event: "deals.created", data: { iso } }, { now: new Date(iso) });
    await at("2026-11-20T10:00:00.000Z");
    await at("2026-11-21T10:00:00.000Z");
    await at("2026-11-22T10:00:00.000Z");
    const range = async (q: string) => (await call(list, { key, path: `/deliveries?${q}` })).json.data.map((d: { createdAt: string }) => d.createdAt);
    expect(await range("since=2026-11-21T00:00:00Z")).toEqual(["2026-11-22T10:00:00.000Z", "2026-11-21T10:00:00.000Z"]);
    expect(await range("until=2026-11-21T10:00:00Z")).toEqual(["2026-11-20T10:00:00.000Z"]);
    expect(await range("since=2026-11-21T00:00:00%2B02:00&until=2026-11-22T00:00:00Z")).toEqual(["2026-11-21T10:00:00.000Z"]);
  });

  it("pages through deliveries that share one timestamp without losing or repeating any", async () => {
    // Every delivery of one event has the event's timestamp: ties that a page boundary cuts through.
    for (let i = 0; i < 7; i++) await enabledWebhook(`${receiver.url}/${i}`);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: { id: string }[]; nextCursor: string | null } } = await call(list, {
        key,
        path: `/deliveries?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      });
      seen.push(...page.json.data.map((d) => d.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
  });

  it("redeliver is a 409 while a worker holds the delivery, and changes nothing", async () => {
    await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const { claimDeliveries } = await import("@/lib/delivery/claim-deliveries");
    const [held] = await claimDeliveries(db().prisma, "busy-worker", 1, new Date(), 60_000);
    const res = await call(redeliver, { method: "POST", key, params: { id: held?.id as string } });
    expect(res).toMatchObject({ status: 409, json: { error: { code: "in_flight" } } });
    expect(await db().prisma.delivery.findFirstOrThrow()).toMatchObject({ status: "in_flight", leaseOwner: "busy-worker", attemptCount: 1 });
    expect(receiver.received).toHaveLength(0);
  });

  it("lists newest first, filters, and pages stably while new deliveries arrive", async () => {
    const a = await enabledWebhook(`${receiver.url}/a`, { events: ["*"] });
    const b = await enabledWebhook(`${receiver.url}/b`, { events: ["page.created"] });
    for (let i = 0; i < 5; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } });
    await publishEvent(ctx(), { event: "page.created", data: {} });
    expect((await call(list, { key, path: "/deliveries" })).json.data).toHaveLength(7);
    expect((await call(list, { key, path: `/deliveries?webhookId=${b.id}` })).json.data).toHaveLength(1);
    expect((await call(list, { key, path: "/deliveries?event=page.created" })).json.data).toHaveLength(2);
    status = 500;
    await drain();
    expect((await call(list, { key, path: "/deliveries?statusClass=5xx" })).json.data).toHaveLength(7);
    expect((await call(list, { key, path: "/deliveries?status=pending" })).json.data).toHaveLength(7); // waiting for their retry
    expect((await call(list, { key, path: "/deliveries?statusClass=2xx" })).json.data).toHaveLength(0);

    const first = await call(list, { key, path: `/deliveries?webhookId=${a.id}&limit=2` });
    await publishEvent(ctx(), { event: "deals.created", data: { late: true } }); // lands on top, must not shift later pages
    const seen = first.json.data.map((d: { id: string }) => d.id);
    let cursor = first.json.nextCursor;
    while (cursor) {
      const next = await call(list, { key, path: `/deliveries?webhookId=${a.id}&limit=2&cursor=${cursor}` });
      seen.push(...next.json.data.map((d: { id: string }) => d.id));
      cursor = next.json.nextCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it("shows a delivery with every attempt and the body as sent; redeliver keeps the id and adds a manual attempt", async () => {
    await enabledWebhook(receiver.url, { httpUser: "u", httpPassword: "do-not-show" });
    await publishEvent(ctx(), { event: "deals.created", data: { x: 1 } });
    status = 500;
    await drain();
    const [only] = (await call(list, { key, path: "/deliveries" })).json.data;
    const detail = await call(getOne, { key, params: { id: only.id } });
    expect(detail.json).toMatchObject({ id: only.id, event: "deals.created", status: "pending", attemptCount: 1, lastStatusCode: 500 });
    expect(JSON.parse(detail.json.requestBody)).toMatchObject({ event: "deals.created", data: { x: 1 } });
    expect(detail.json.attempts).toHaveLength(1);
    expect(detail.json.attempts[0]).toMatchObject({ number: 1, trigger: "auto", statusCode: 500, errorClass: "http_status", responseBody: "broken" });
    expect(JSON.stringify(detail.json)).not.toContain("do-not-show");
    expect(detail.json.nextAttemptAt).not.toBeNull();

    status = 200;
    const again = await call(redeliver, { method: "POST", key, params: { id: only.id } });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ id: only.id, status: "succeeded", attemptCount: 2 });
    expect(again.json.attempts.map((a: { trigger: string; statusCode: number }) => [a.trigger, a.statusCode])).toEqual([
      ["auto", 500],
      ["manual", 200],
    ]);
    expect(new Set(receiver.received.map((r) => r.headers.delivery))).toEqual(new Set([only.id]));
  });

  it("replay on an enabled webhook re-queues only what failed; pending ones keep their retry time", async () => {
    const hook = await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await db().prisma.delivery.updateMany({ data: { status: "failed", attemptCount: 4, completedAt: new Date() } });
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const retryAt = new Date(Date.now() + 300_000);
    await db().prisma.delivery.updateMany({ where: { status: "pending" }, data: { attemptCount: 1, nextAttemptAt: retryAt } });
    const res = await call(replay, { method: "POST", key, params: { id: hook.id }, body: { since: new Date(Date.now() - 60_000).toISOString() } });
    expect(res.json).toEqual({ requeued: 1 });
    expect(await db().prisma.delivery.count({ where: { nextAttemptAt: retryAt } })).toBe(1);
  });

  it("replay re-queues failed and parked deliveries since a time, and says how many", async () => {
    const hook = await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await db().prisma.delivery.updateMany({ data: { status: "failed", attemptCount: 4, completedAt: new Date() } });
    await publishEvent(ctx(), { event: "deals.created", data: {} }); // pending: parked
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    const res = await call(replay, { method: "POST", key, params: { id: hook.id }, body: { since: new Date(Date.now() - 60_000).toISOString() } });
    expect(res).toMatchObject({ status: 200, json: { requeued: 2 } });
    expect(await db().prisma.delivery.count({ where: { status: "pending", completedAt: null } })).toBe(2);
    const future = await call(replay, { method: "POST", key, params: { id: hook.id }, body: { since: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.json).toEqual({ requeued: 0 });
    expect((await call(replay, { method: "POST", key, params: { id: hook.id }, body: {} })).status).toBe(400);
  });

  it("retention prunes only finished history older than the limit", async () => {
    await enabledWebhook(receiver.url);
    const old = new Date(Date.now() - 40 * 86_400_000);
    await publishEvent(ctx(), { event: "deals.created", data: { old: 1 } }, { now: old });
    await publishEvent(ctx(), { event: "deals.created", data: { old: 2 } }, { now: old });
    await drain();
    await db().prisma.delivery.updateMany({ data: { createdAt: old } });
    await publishEvent(ctx(), { event: "deals.created", data: { old: 3 } }, { now: old }); // old but still pending: kept
    await db().prisma.delivery.updateMany({ where: { status: "pending" }, data: { createdAt: old, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    await publishEvent(ctx(), { event: "deals.created", data: { fresh: true } });
    expect(await pruneHistory(db().prisma, 30)).toBe(2);
    expect(await db().prisma.delivery.count()).toBe(2);
    expect(await db().prisma.attempt.count()).toBe(0);
    expect(await db().prisma.event.count()).toBe(2);
  });
});

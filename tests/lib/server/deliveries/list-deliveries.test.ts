import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";
import { encodeCursor } from "@/lib/server/keyset-cursor";
import { ZDeliveryListQuery } from "@/lib/validation/delivery";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("listDeliveries on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const list = (query: Record<string, unknown>) => listDeliveries(ctx(), ZDeliveryListQuery.parse(query));

  /** Five deliveries an hour apart (d0 oldest), two webhooks, two event types. */
  async function seed() {
    const db = database().prisma;
    const a = await enabledWebhook("http://127.0.0.1:9/a");
    const b = await enabledWebhook("http://127.0.0.1:9/b");
    const created = await db.event.create({ data: { type: "deals.created", payload: {} } });
    const updated = await db.event.create({ data: { type: "deals.updated", projectId: "p1", payload: {} } });
    const rows = [
      { webhookId: a.id, eventId: created.id, status: "succeeded", lastStatusCode: 200 },
      { webhookId: a.id, eventId: updated.id, status: "failed", lastStatusCode: 404 },
      { webhookId: b.id, eventId: created.id, status: "failed", lastStatusCode: 503 },
      { webhookId: b.id, eventId: updated.id, status: "pending", lastStatusCode: null },
      { webhookId: a.id, eventId: created.id, status: "pending", lastStatusCode: 302 },
    ] as const;
    const ids: string[] = [];
    for (const [i, r] of rows.entries()) {
      const d = await db.delivery.create({ data: { ...r, createdAt: new Date(Date.UTC(2026, 10, 30, i)) } });
      ids.push(d.id);
    }
    return { a: a.id, b: b.id, ids };
  }

  it("pages newest first by keyset, ending with a null cursor", async () => {
    const { ids } = await seed();
    const first = await list({ limit: "2" });
    expect(first.data.map((d) => d.id)).toEqual([ids[4], ids[3]]);
    const second = await list({ limit: "2", cursor: first.nextCursor });
    expect(second.data.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    const third = await list({ limit: "2", cursor: second.nextCursor });
    expect(third).toMatchObject({ data: [{ id: ids[0], event: "deals.created", status: "succeeded" }], nextCursor: null });
  });

  it("filters parked ones (pending while their webhook is disabled) and shows each row's last attempt's duration", async () => {
    const { b, ids } = await seed();
    const db = database().prisma;
    const only = async (query: Record<string, unknown>) => (await list(query)).data.map((d) => d.id);
    expect(await only({ status: "parked" })).toEqual([]);
    await db.webhook.update({ where: { id: b }, data: { enabled: false } });
    expect(await only({ status: "parked" })).toEqual([ids[3]]); // b's failed one is not parked
    await db.attempt.create({ data: { deliveryId: ids[1] as string, number: 1, trigger: "auto", startedAt: new Date(), durationMs: 40, requestHeaders: {} } });
    await db.attempt.create({ data: { deliveryId: ids[1] as string, number: 2, trigger: "retry", startedAt: new Date(), durationMs: 95, requestHeaders: {} } });
    const rows = (await list({})).data;
    expect(rows.find((d) => d.id === ids[1])?.lastDurationMs).toBe(95);
    expect(rows.find((d) => d.id === ids[0])?.lastDurationMs).toBeNull();
  });

  it("filters by webhook, event, status, status class and time", async () => {
    const { b, ids } = await seed();
    const only = async (query: Record<string, unknown>) => (await list(query)).data.map((d) => d.id);
    expect(await only({ webhookId: b })).toEqual([ids[3], ids[2]]);
    expect(await only({ event: "deals.updated" })).toEqual([ids[3], ids[1]]);
    expect(await only({ status: "failed" })).toEqual([ids[2], ids[1]]);
    expect(await only({ statusClass: "2xx" })).toEqual([ids[0]]);
    expect(await only({ statusClass: "3xx" })).toEqual([ids[4]]);
    expect(await only({ statusClass: "4xx" })).toEqual([ids[1]]);
    expect(await only({ statusClass: "5xx" })).toEqual([ids[2]]);
    expect(await only({ statusClass: "none" })).toEqual([ids[3]]);
    expect(await only({ since: "2026-11-30T01:00:00Z", until: "2026-11-30T03:00:00Z" })).toEqual([ids[2], ids[1]]);
  });

  it("lists only the workspace's own deliveries, whatever the filters name", async () => {
    const { b } = await seed();
    const other = otherCtx(database().prisma, await createOtherWorkspace(database().prisma));
    expect(await listDeliveries(other, ZDeliveryListQuery.parse({}))).toEqual({ data: [], nextCursor: null });
    expect((await listDeliveries(other, ZDeliveryListQuery.parse({ webhookId: b }))).data).toEqual([]);
    expect((await list({})).data).toHaveLength(5);
  });

  it("refuses a cursor it did not give out, on the cursor field", async () => {
    await seed();
    const bad = [
      "garbage",
      Buffer.from(JSON.stringify(["not a date", "00000000-0000-4000-8000-000000000000"])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-11-30T00:00:00Z", "not-a-uuid"])).toString("base64url"),
    ];
    for (const cursor of bad) {
      await expect(list({ cursor })).rejects.toMatchObject({
        kind: "invalid",
        code: "validation_failed",
        issues: [{ path: "cursor", message: "cursor is not one this API gave out" }],
      });
    }
    const valid = encodeCursor(new Date(Date.UTC(2026, 10, 30, 2)), "ffffffff-ffff-4fff-8fff-ffffffffffff");
    expect((await list({ cursor: valid })).data).toHaveLength(3);
  });
});

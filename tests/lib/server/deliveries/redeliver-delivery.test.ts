import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { redeliverDelivery } from "@/lib/server/deliveries/redeliver-delivery";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { startReceiver } from "../../../helpers/receiver";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("redeliverDelivery on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  async function failedDelivery(url: string) {
    const db = database().prisma;
    const hook = await enabledWebhook(url);
    const event = await db.event.create({ data: { type: "deals.created", payload: { n: 1 } } });
    return db.delivery.create({
      data: { webhookId: hook.id, eventId: event.id, status: "failed", attemptCount: 3, lastStatusCode: 500, completedAt: new Date() },
    });
  }

  it("sends a failed delivery again now, with the same id, as a manual attempt", async () => {
    receiver = await startReceiver();
    const delivery = await failedDelivery(`${receiver.url}/again`);
    const detail = await redeliverDelivery(ctx(), delivery.id);
    expect(detail).toMatchObject({ id: delivery.id, status: "succeeded", attemptCount: 4, lastStatusCode: 200 });
    expect(detail.attempts.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([[4, "manual", 200]]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers).toMatchObject({ delivery: delivery.id, "webhook-id": delivery.id });
    expect(receiver.received[0]?.body).toBe(detail.requestBody);
  });

  it("refuses one a worker is sending now, and an unknown id, sending and writing nothing", async () => {
    receiver = await startReceiver();
    const delivery = await failedDelivery(`${receiver.url}/busy`);
    const db = database().prisma;
    const leased = await db.delivery.update({
      where: { id: delivery.id },
      data: { status: "in_flight", leaseOwner: "worker-1", leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(redeliverDelivery(ctx(), delivery.id)).rejects.toMatchObject({ kind: "conflict", code: "in_flight" });
    await expect(redeliverDelivery(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Delivery not found" });
    expect(receiver.received).toHaveLength(0);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toEqual(leased);
    expect(await db.attempt.count()).toBe(0);
  });

  it("another workspace's delivery is not found, and not sent", async () => {
    receiver = await startReceiver();
    const delivery = await failedDelivery(`${receiver.url}/mine`);
    const before = await database().prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    await expect(redeliverDelivery(otherCtx(database().prisma, await createOtherWorkspace(database().prisma)), delivery.id)).rejects.toMatchObject({
      kind: "not_found",
      message: "Delivery not found",
    });
    expect(receiver.received).toHaveLength(0);
    expect(await database().prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toEqual(before);
    expect(await database().prisma.attempt.count()).toBe(0);
  });
});

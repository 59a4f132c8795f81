import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { redeliverNow } from "@/lib/delivery/redeliver-now";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";

describe.each(TEST_DATABASES)("redeliverNow on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 200;
  beforeEach(async () => {
    status = 200;
    receiver = await startReceiver((_q, res) => {
      res.writeHead(status);
      res.end(status < 300 ? "ok" : "no");
    });
  });
  afterEach(() => receiver.close());

  const delivered = async () => {
    await enabledWebhook(`${receiver.url}/in`);
    await publishEvent(ctx(), { event: "deals.created", data: { n: 1 } });
    expect(await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain()).toBe(1);
    return db().prisma.delivery.findFirstOrThrow();
  };

  it("sends a delivered delivery again: true, one more attempt with trigger manual, same Delivery id", async () => {
    const delivery = await delivered();
    expect(await redeliverNow(db().prisma, delivery.id, TEST_CONFIG)).toBe(true);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.map((r) => r.headers.delivery)).toEqual([delivery.id, delivery.id]);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
    const after = await db().prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { attempts: { orderBy: { number: "asc" } } } });
    expect(after).toMatchObject({ status: "succeeded", attemptCount: 2, leaseOwner: null, leaseExpiresAt: null });
    expect(after.attempts.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([
      [1, "auto", 200],
      [2, "manual", 200],
    ]);
  });

  it("a failed manual attempt of a finished delivery is recorded too", async () => {
    const delivery = await delivered();
    status = 500;
    expect(await redeliverNow(db().prisma, delivery.id, TEST_CONFIG)).toBe(true);
    const after = await db().prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { attempts: { orderBy: { number: "asc" } } } });
    expect(after).toMatchObject({ attemptCount: 2, lastStatusCode: 500 });
    expect(after.attempts[1]).toMatchObject({ number: 2, trigger: "manual", statusCode: 500, errorClass: "http_status" });
  });

  it("false for an unknown id, and nothing is sent", async () => {
    await delivered();
    expect(await redeliverNow(db().prisma, randomUUID(), TEST_CONFIG)).toBe(false);
    expect(receiver.received).toHaveLength(1);
    expect(await db().prisma.attempt.count()).toBe(1);
  });

  it("false while a live lease holds the delivery; true once that lease has expired", async () => {
    await enabledWebhook(`${receiver.url}/in`);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const [held] = await claimDeliveries(db().prisma, "w1", 1, new Date(Date.now() + 1_000), 60_000);
    expect(held).toBeDefined();
    const id = held?.id as string;
    expect(await redeliverNow(db().prisma, id, TEST_CONFIG)).toBe(false);
    expect(receiver.received).toHaveLength(0);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "in_flight", leaseOwner: "w1", attemptCount: 1 });

    // The holder died: its lease ran out, so the delivery may be sent again.
    await db().prisma.delivery.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    expect(await redeliverNow(db().prisma, id, TEST_CONFIG)).toBe(true);
    expect(receiver.received).toHaveLength(1);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id }, include: { attempts: true } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
      leaseOwner: null,
      attempts: [expect.objectContaining({ number: 2, trigger: "manual" })],
    });
  });
});

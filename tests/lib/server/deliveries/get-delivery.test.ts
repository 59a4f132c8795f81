import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("getDelivery on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("returns the delivery, its attempts in order and the exact body that was signed", async () => {
    const db = database().prisma;
    const hook = await enabledWebhook("http://127.0.0.1:9/get");
    const event = await db.event.create({
      data: { type: "deals.created", projectId: "p1", payload: { deal: 7 }, occurredAt: new Date("2026-11-30T08:00:00Z") },
    });
    const delivery = await db.delivery.create({ data: { webhookId: hook.id, eventId: event.id, status: "failed", attemptCount: 2, lastStatusCode: 500 } });
    for (const number of [2, 1]) {
      await db.attempt.create({
        data: {
          deliveryId: delivery.id,
          number,
          trigger: number === 1 ? "auto" : "retry",
          startedAt: new Date(`2026-11-30T08:0${number}:00Z`),
          durationMs: 10 * number,
          requestHeaders: { Event: "deals.created" },
          statusCode: 500,
        },
      });
    }
    const detail = await getDelivery(ctx(), delivery.id);
    expect(detail).toMatchObject({
      id: delivery.id,
      webhookId: hook.id,
      event: "deals.created",
      projectId: "p1",
      status: "failed",
      nextAttemptAt: null,
      lastStatusCode: 500,
      webhookUrl: "http://127.0.0.1:9/get",
      requestBody: `{"id":"${event.id}","event":"deals.created","timestamp":"2026-11-30T08:00:00.000Z","projectId":"p1","data":{"deal":7}}`,
    });
    expect(detail.attempts.map((a) => [a.number, a.trigger, a.durationMs])).toEqual([
      [1, "auto", 10],
      [2, "retry", 20],
    ]);
    // Another workspace does not find it.
    await expect(getDelivery(otherCtx(database().prisma, await createOtherWorkspace(database().prisma)), delivery.id)).rejects.toMatchObject({
      kind: "not_found",
      message: "Delivery not found",
    });
  });

  it("says not found for an unknown id", async () => {
    await expect(getDelivery(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Delivery not found" });
  });
});

import { describe, expect, it } from "vitest";
import { GET as queueRoute } from "@/app/api/v1/webhooks/[id]/queue/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { webhookQueue } from "@/lib/server/deliveries/webhook-queue";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { adminKey, call } from "../../../helpers/routes";

describe.each(TEST_DATABASES)("a webhook's queue on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  async function queue(webhookId: string, n: number, nextAttemptAt: Date) {
    const db = database().prisma;
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    await db.delivery.createMany({ data: Array.from({ length: n }, () => ({ webhookId, eventId, nextAttemptAt })) });
  }

  it("counts queued, scheduled and in flight, and says when the in-flight limit holds deliveries back", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/q", { maxInFlight: 4 });
    const now = new Date();
    await queue(hook.id, 10, new Date(now.getTime() - 1_000));
    await queue(hook.id, 2, new Date(now.getTime() + 60_000));
    expect(await webhookQueue(ctx(), hook.id, now)).toEqual({
      queued: 10,
      scheduled: 2,
      inFlight: 0,
      startedLastSecond: 0,
      maxInFlight: 4,
      rateLimitPerSecond: null,
      heldBack: null,
      heldBackInOrder: 0,
    });
    await claimDeliveries(database().prisma, "w", 100, now, 60_000);
    expect(await webhookQueue(ctx(), hook.id, now)).toMatchObject({ queued: 6, inFlight: 4, startedLastSecond: 4, heldBack: "in_flight_limit" });
    // An expired lease is queued again, not in flight.
    expect(await webhookQueue(ctx(), hook.id, new Date(now.getTime() + 61_000))).toMatchObject({ queued: 12, scheduled: 0, inFlight: 0, heldBack: null });
  });

  it("says when the rate limit, or a disabled webhook, holds them back", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/r", { rateLimitPerSecond: 2 });
    const now = new Date();
    await queue(hook.id, 5, new Date(now.getTime() - 1_000));
    await claimDeliveries(database().prisma, "w", 100, now, 60_000);
    expect(await webhookQueue(ctx(), hook.id, now)).toMatchObject({ queued: 3, inFlight: 2, startedLastSecond: 2, heldBack: "rate_limit" });
    expect(await webhookQueue(ctx(), hook.id, new Date(now.getTime() + 1_000))).toMatchObject({ startedLastSecond: 0, heldBack: null });
    await database().prisma.webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    expect(await webhookQueue(ctx(), hook.id, now)).toMatchObject({ queued: 3, heldBack: "disabled" });
  });

  it("over the API: 200 with the counts, 400 for a malformed id, 404 for an unknown one", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/api");
    const key = await adminKey();
    const ok = await call(queueRoute, { key, path: `/webhooks/${hook.id}/queue`, params: { id: hook.id } });
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ queued: 0, inFlight: 0, maxInFlight: 16, heldBack: null });
    expect((await call(queueRoute, { key, path: "/webhooks/nope/queue", params: { id: "nope" } })).status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await call(queueRoute, { key, path: `/webhooks/${missing}/queue`, params: { id: missing } })).status).toBe(404);
  });
});

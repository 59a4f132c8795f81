import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { REDELIVER_PARALLEL, redeliverDeliveries } from "@/lib/server/deliveries/redeliver-deliveries";
import { ZRedeliverMany } from "@/lib/validation/delivery";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { startReceiver } from "../../../helpers/receiver";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("redeliverDeliveries on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  async function failedDeliveries(url: string, n: number) {
    const db = database().prisma;
    const hook = await enabledWebhook(url);
    const event = await db.event.create({ data: { type: "deals.created", payload: { n } } });
    return Promise.all(
      Array.from({ length: n }, () =>
        db.delivery.create({
          data: { webhookId: hook.id, eventId: event.id, status: "failed", attemptCount: 2, lastStatusCode: 500, completedAt: new Date() },
        }),
      ),
    );
  }

  it("sends each selected delivery once, as its own manual attempt, a few at a time, and says what became of each in the order given", async () => {
    let open = 0;
    let most = 0;
    receiver = await startReceiver(async (_req, res) => {
      most = Math.max(most, ++open);
      await new Promise((r) => setTimeout(r, 20));
      open--;
      res.end("ok");
    });
    const deliveries = await failedDeliveries(`${receiver.url}/many`, REDELIVER_PARALLEL + 4);
    const ids = deliveries.map((d) => d.id);
    const result = await redeliverDeliveries(ctx(), [...ids, ids[0] as string, MISSING]);
    expect(result.data.map((r) => r.id)).toEqual([...ids, MISSING]); // a repeated id is sent once
    expect(result.data.slice(0, ids.length).every((r) => r.outcome === "sent" && r.delivery?.status === "succeeded" && r.delivery.attemptCount === 3)).toBe(
      true,
    );
    expect(result.data.at(-1)).toEqual({ id: MISSING, outcome: "not_found", delivery: null });
    expect(receiver.received).toHaveLength(ids.length);
    expect(most).toBeLessThanOrEqual(REDELIVER_PARALLEL);
    const attempts = await database().prisma.attempt.findMany({ where: { deliveryId: { in: ids } } });
    expect(attempts.map((a) => a.trigger)).toEqual(ids.map(() => "manual"));
  });

  it("another workspace's deliveries are not found and not sent; one a worker holds is in_flight and untouched", async () => {
    receiver = await startReceiver();
    const [mine, busy] = await failedDeliveries(`${receiver.url}/x`, 2);
    const db = database().prisma;
    await db.delivery.update({ where: { id: busy?.id }, data: { status: "in_flight", leaseOwner: "worker-1", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const theirs = otherCtx(db, await createOtherWorkspace(db));
    const asOther = await redeliverDeliveries(theirs, [mine?.id as string]);
    expect(asOther.data).toEqual([{ id: mine?.id, outcome: "not_found", delivery: null }]);
    expect(receiver.received).toHaveLength(0);
    const asMine = await redeliverDeliveries(ctx(), [busy?.id as string]);
    expect(asMine.data[0]).toMatchObject({ id: busy?.id, outcome: "in_flight", delivery: { status: "in_flight" } });
    expect(receiver.received).toHaveLength(0);
  });

  it("the body takes 1 to 50 delivery ids and nothing else", () => {
    expect(ZRedeliverMany.safeParse({ ids: [] }).success).toBe(false);
    expect(ZRedeliverMany.safeParse({ ids: Array.from({ length: 51 }, () => MISSING) }).success).toBe(false);
    expect(ZRedeliverMany.safeParse({ ids: ["not-a-uuid"] }).success).toBe(false);
    expect(ZRedeliverMany.safeParse({ ids: [MISSING], extra: 1 }).success).toBe(false);
    expect(ZRedeliverMany.safeParse({ ids: [MISSING] }).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { replayWebhook } from "@/lib/server/deliveries/replay-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const MISSING = "00000000-0000-4000-8000-000000000000";
const SINCE = "2026-11-30T00:00:00Z";
const NOW = new Date("2026-11-30T12:00:00Z");

describe.each(TEST_DATABASES)("replayWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  /** One delivery per (status, created before/after SINCE), plus one of another webhook. */
  async function seed() {
    const db = database().prisma;
    const hook = await enabledWebhook("http://127.0.0.1:9/replay");
    const other = await enabledWebhook("http://127.0.0.1:9/other");
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    const make = (webhookId: string, status: "pending" | "failed" | "succeeded", createdAt: string) =>
      db.delivery.create({
        data: {
          webhookId,
          eventId,
          status,
          createdAt: new Date(createdAt),
          nextAttemptAt: new Date("2026-12-01T00:00:00Z"),
          completedAt: status === "pending" ? null : new Date(createdAt),
        },
      });
    return {
      hook: hook.id,
      failed: await make(hook.id, "failed", "2026-11-30T01:00:00Z"),
      pending: await make(hook.id, "pending", "2026-11-30T02:00:00Z"),
      succeeded: await make(hook.id, "succeeded", "2026-11-30T03:00:00Z"),
      oldFailed: await make(hook.id, "failed", "2026-11-29T23:00:00Z"),
      otherFailed: await make(other.id, "failed", "2026-11-30T04:00:00Z"),
    };
  }

  const state = async (id: string) => {
    const d = await database().prisma.delivery.findUniqueOrThrow({ where: { id } });
    return [d.status, d.nextAttemptAt.toISOString(), d.completedAt?.toISOString() ?? null];
  };

  it("re-queues an enabled webhook's failed deliveries since the date, leaving pending ones waiting", async () => {
    const s = await seed();
    expect(await replayWebhook(ctx(), s.hook, { since: SINCE }, NOW)).toEqual({ requeued: 1 });
    expect(await state(s.failed.id)).toEqual(["pending", NOW.toISOString(), null]);
    expect(await state(s.pending.id)).toEqual(["pending", "2026-12-01T00:00:00.000Z", null]);
    expect((await state(s.succeeded.id))[0]).toBe("succeeded");
    expect((await state(s.oldFailed.id))[0]).toBe("failed");
    expect((await state(s.otherFailed.id))[0]).toBe("failed");
  });

  it("on a disabled webhook, also makes its parked deliveries due", async () => {
    const s = await seed();
    await database().prisma.webhook.update({ where: { id: s.hook }, data: { enabled: false } });
    expect(await replayWebhook(ctx(), s.hook, { since: SINCE }, NOW)).toEqual({ requeued: 2 });
    expect(await state(s.pending.id)).toEqual(["pending", NOW.toISOString(), null]);
    expect(await state(s.failed.id)).toEqual(["pending", NOW.toISOString(), null]);
  });

  it("refuses an unknown webhook and a bad date, changing nothing", async () => {
    const s = await seed();
    const before = await database().prisma.delivery.findMany({ orderBy: { createdAt: "asc" } });
    await expect(replayWebhook(ctx(), MISSING, { since: SINCE }, NOW)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    for (const input of [{ since: "yesterday" }, {}]) {
      const error = await replayWebhook(ctx(), s.hook, input, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(["since"]);
    }
    expect(await database().prisma.delivery.findMany({ orderBy: { createdAt: "asc" } })).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { recentStats } from "@/lib/server/webhooks/recent-stats";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const NOW = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe.each(TEST_DATABASES)("recentStats on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("counts each webhook's attempts of the last 24 hours: how many, the share that succeeded, the p95 time", async () => {
    const db = database().prisma;
    const a = await enabledWebhook("http://127.0.0.1:9/a");
    const b = await enabledWebhook("http://127.0.0.1:9/b");
    const quiet = await enabledWebhook("http://127.0.0.1:9/quiet");
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    const attempt = async (
      webhookId: string,
      startedHoursAgo: number,
      durationMs: number,
      errorClass: string | null,
      createdHoursAgo = startedHoursAgo,
      trigger: "auto" | "test" = "auto",
    ) => {
      const d = await db.delivery.create({ data: { webhookId, eventId, status: "succeeded", createdAt: hoursAgo(createdHoursAgo) } });
      await db.attempt.create({
        data: { deliveryId: d.id, number: 1, trigger, startedAt: hoursAgo(startedHoursAgo), durationMs, errorClass, requestHeaders: {} },
      });
    };
    for (let i = 0; i < 19; i++) await attempt(a.id, 1 + i / 10, 100 + i, null);
    await attempt(a.id, 2, 900, "timeout");
    await attempt(a.id, 30, 5000, "timeout"); // older than a day: not counted
    await attempt(b.id, 3, 40, "http_status", 26); // a retry of a delivery created before the window: counted
    await attempt(quiet.id, 25, 10, null);
    await attempt(quiet.id, 1, 10, "http_status", 1, "test"); // Send example: a test, not the webhook's record

    const stats = await recentStats(ctx(), [a.id, b.id, quiet.id], NOW);
    expect(stats.get(a.id)).toEqual({ attempts: 20, successRate: 0.95, p95Ms: expect.any(Number) });
    expect(stats.get(a.id)?.p95Ms).toBeGreaterThan(117);
    expect(stats.get(b.id)).toEqual({ attempts: 1, successRate: 0, p95Ms: 40 });
    expect(stats.has(quiet.id)).toBe(false);
    expect((await recentStats(ctx(), [], NOW)).size).toBe(0);
    // Only the webhooks asked about.
    expect([...(await recentStats(ctx(), [b.id], NOW)).keys()]).toEqual([b.id]);
    // Another workspace counts nothing of this one's webhooks, even named by id.
    expect((await recentStats(otherCtx(database().prisma, await createOtherWorkspace(database().prisma)), [a.id, b.id], NOW)).size).toBe(0);
  });
});

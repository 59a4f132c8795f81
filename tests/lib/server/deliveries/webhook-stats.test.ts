import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { webhookStats } from "@/lib/server/deliveries/webhook-stats";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";
// The range ends with the hour of "now" (12:00) and starts 23 hours before it.
const NOW = new Date("2026-11-30T12:30:00Z");
const at = (iso: string) => new Date(`2026-11-${iso}Z`);

describe.each(TEST_DATABASES)("webhookStats on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("counts each hour's successes, failures and retried attempts, with duration percentiles", async () => {
    const db = database().prisma;
    const hook = await enabledWebhook("http://127.0.0.1:9/stats");
    const other = await enabledWebhook("http://127.0.0.1:9/other");
    const { id: eventId } = await db.event.create({ data: { type: "deals.created", payload: {} } });
    const delivery = async (
      webhookId: string,
      status: "succeeded" | "failed" | "pending",
      createdAt: string,
      completedAt: string | null,
      attempt: [string, number, string | null],
    ) => {
      const d = await db.delivery.create({ data: { webhookId, eventId, status, createdAt: at(createdAt), completedAt: completedAt ? at(completedAt) : null } });
      await db.attempt.create({
        data: { deliveryId: d.id, number: 1, trigger: "auto", startedAt: at(attempt[0]), durationMs: attempt[1], errorClass: attempt[2], requestHeaders: {} },
      });
    };
    await delivery(hook.id, "succeeded", "30T11:00:00", "30T11:10:00", ["30T11:10:00", 100, null]);
    await delivery(hook.id, "failed", "30T11:00:00", "30T11:20:00", ["30T11:20:00", 300, "http_status"]);
    await delivery(hook.id, "pending", "30T11:00:00", null, ["30T11:05:00", 200, "timeout"]);
    // Finished in the hour before the range: not counted. Another webhook's: not counted.
    await delivery(hook.id, "succeeded", "29T12:00:00", "29T12:30:00", ["29T12:30:00", 999, null]);
    await delivery(other.id, "succeeded", "30T11:00:00", "30T11:30:00", ["30T11:30:00", 999, null]);

    const stats = await webhookStats(ctx(), hook.id, "24h", NOW);
    expect(stats).toHaveLength(24);
    expect(stats[0]?.hour).toBe("2026-11-29T13:00:00.000Z");
    expect(stats[23]?.hour).toBe("2026-11-30T12:00:00.000Z");
    expect(stats[22]).toEqual({ hour: "2026-11-30T11:00:00.000Z", succeeded: 1, failed: 1, retried: 1, p50: 200, p95: 290 });
    const others = stats.filter((_, i) => i !== 22);
    expect(others.every((b) => b.succeeded === 0 && b.failed === 0 && b.retried === 0 && b.p50 === null && b.p95 === null)).toBe(true);
    // The week: 28 buckets of six hours, aligned to 00/06/12/18 UTC, the last one holding now.
    const week = await webhookStats(ctx(), hook.id, "7d", NOW);
    expect(week).toHaveLength(28);
    expect(week[27]?.hour).toBe("2026-11-30T12:00:00.000Z");
    expect(week[0]?.hour).toBe("2026-11-23T18:00:00.000Z");
    expect(week[26]).toEqual({ hour: "2026-11-30T06:00:00.000Z", succeeded: 1, failed: 1, retried: 1, p50: 200, p95: 290 });
    expect(week[23]).toMatchObject({ hour: "2026-11-29T12:00:00.000Z", succeeded: 1, p50: 999 });
    expect(week.reduce((n, b) => n + b.succeeded, 0)).toBe(2);
  });

  it("says not found for an unknown webhook", async () => {
    await expect(webhookStats(ctx(), MISSING, "24h", NOW)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    // Nor are another workspace's webhook's counts shown.
    const hook = await enabledWebhook("http://127.0.0.1:9/mine");
    await expect(webhookStats(otherCtx(database().prisma, await createOtherWorkspace(database().prisma)), hook.id, "24h", NOW)).rejects.toMatchObject({
      kind: "not_found",
    });
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { failingAt } from "@/lib/delivery/notices/notices-sql";
import { publishEvent } from "@/lib/delivery/publish-event";
import { recordAttempts, type TAttemptRecord, type TOutcome } from "@/lib/delivery/record-attempts";
import type { TSendResult } from "@/lib/delivery/send-request";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const fail: TSendResult = {
  ok: false,
  statusCode: 503,
  durationMs: 3,
  errorClass: "http_status",
  errorMessage: "HTTP 503",
  responseHeaders: {},
  responseBody: "",
  isBodyTruncated: false,
};
const T0 = new Date("2026-12-07T12:00:00Z");

describe("failingAt", () => {
  it("is half the failure limit, rounded up", () => {
    expect([1, 2, 3, 10, 15].map(failingAt)).toEqual([1, 1, 2, 5, 8]);
  });
});

describe.each(TEST_DATABASES)("notices written with the attempts on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const notices = () => db().prisma.notice.findMany({ orderBy: [{ kind: "asc" }, { createdAt: "asc" }] });

  async function failBatch(n: number, outcome: TOutcome = { kind: "retry", at: new Date(T0.getTime() + 60_000) }, event = "deals.created", at = T0) {
    for (let i = 0; i < n; i++) await publishEvent(ctx(), { event, data: { i } }, { now: at, isOperational: event.startsWith("hookline.") });
    const claimed = await claimDeliveries(db().prisma, "w1", n, new Date(at.getTime() + 1), 60_000);
    const records: TAttemptRecord[] = claimed.map((c: TClaimed, i) => ({
      claimed: c,
      owner: "w1",
      startedAt: at,
      finishedAt: new Date(at.getTime() + 10 + i),
      requestHeaders: {},
      result: fail,
      outcome,
    }));
    await recordAttempts(db().prisma, records, 4);
  }

  it("tells once when a webhook reaches half its limit, and once when Hookline disables it", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await failBatch(1);
    expect(await notices()).toEqual([]);
    await failBatch(1); // 2 of 4: failing
    await failBatch(1); // 3 of 4: nothing new
    await failBatch(1); // 4 of 4: disabled
    const told = await notices();
    expect(told.map((n) => [n.kind, (n.details as { failures: number }).failures])).toEqual([
      ["webhook.disabled", 4],
      ["webhook.failing", 2],
    ]);
    expect(told[0]).toMatchObject({ webhookId: hook.id, deliveryId: null });
    expect(told[0]?.details).toMatchObject({ reason: "Disabled after 4 failed attempts in a row", lastStatusCode: 503, lastErrorClass: "http_status" });
  });

  it("tells of each delivery that failed for good, but not of Hookline's own events", async () => {
    await enabledWebhook("http://127.0.0.1:9/h", { events: ["*"] });
    await failBatch(2, { kind: "failed" });
    const failed = (await notices()).filter((n) => n.kind === "delivery.failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]?.details).toMatchObject({ event: "deals.created", attempts: 1, lastStatusCode: 503 });
    await db().prisma.notice.deleteMany();
    await db().prisma.webhook.updateMany({ data: { consecutiveFailures: 0, enabled: true } });
    await failBatch(1, { kind: "failed" }, "hookline.delivery.failed", new Date(T0.getTime() + 1_000));
    expect((await notices()).filter((n) => n.kind === "delivery.failed")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { recordAttempts, type TAttemptRecord, type TOutcome } from "@/lib/delivery/record-attempts";
import type { TSendResult } from "@/lib/delivery/send-request";
import { getOverview } from "@/lib/server/overview/get-overview";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook, failedResult, OK_RESULT } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const NOW = new Date("2026-11-24T12:30:00Z");
const at = (minutesBefore: number) => new Date(NOW.getTime() - minutesBefore * 60_000);
const ok = OK_RESULT;
const gone = failedResult(503);

describe.each(TEST_DATABASES)("the overview on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const record = (c: TClaimed, result: TSendResult, outcome: TOutcome, finishedAt: Date): TAttemptRecord => ({
    claimed: c,
    owner: "w1",
    startedAt: finishedAt,
    finishedAt,
    requestHeaders: {},
    result,
    outcome,
  });

  it("counts a known set of events, deliveries, queue and webhooks of this workspace only", async () => {
    const working = await enabledWebhook("http://127.0.0.1:9/working");
    // Published 25 hours ago (outside the window), then four in it.
    await publishEvent(ctx(), { event: "deals.created", data: { n: 0 } }, { now: at(25 * 60) });
    await db().prisma.delivery.deleteMany();
    for (let n = 1; n <= 4; n++) await publishEvent(ctx(), { event: "deals.created", data: { n } }, { now: at(60) });
    const claimed = (await claimDeliveries(db().prisma, "w1", 4, at(59), 600_000)) as [TClaimed, TClaimed, TClaimed, TClaimed];
    // Answers 50, 100 and 150 ms after publish (succeeded), and a last attempt that failed for good at 2 s.
    await recordAttempts(
      db().prisma,
      [
        record(claimed[0], ok, { kind: "succeeded" }, new Date(at(60).getTime() + 50)),
        record(claimed[1], ok, { kind: "succeeded" }, new Date(at(60).getTime() + 100)),
        record(claimed[2], ok, { kind: "succeeded" }, new Date(at(60).getTime() + 150)),
        record(claimed[3], gone, { kind: "failed" }, new Date(at(60).getTime() + 2_000)),
      ],
      10,
    );
    // Its failure since answered by a success (not recorded here): working again.
    await db().prisma.webhook.update({ where: { id: working.id }, data: { consecutiveFailures: 0 } });
    // The queue: two due (the oldest due 5 minutes ago), one retry to come, one in flight, and one parked.
    const failing = await enabledWebhook("http://127.0.0.1:9/failing");
    await db().prisma.webhook.update({
      where: { id: failing.id },
      data: { consecutiveFailures: 3, lastFailureAt: at(2), lastFailureStatusCode: null, lastFailureErrorClass: "timeout" },
    });
    const byHookline = await enabledWebhook("http://127.0.0.1:9/gone");
    await db().prisma.webhook.update({
      where: { id: byHookline.id },
      data: {
        enabled: false,
        disabledReason: "The receiver answered 410 Gone",
        disabledAt: at(3),
        lastFailureStatusCode: 410,
        lastFailureErrorClass: "http_status",
      },
    });
    const byAdmin = await enabledWebhook("http://127.0.0.1:9/off");
    await db().prisma.webhook.update({ where: { id: byAdmin.id }, data: { enabled: false, disabledAt: at(4) } });
    const { id: eventId } = await db().prisma.event.findFirstOrThrow({ where: { occurredAt: at(60) } });
    const delivery = (webhookId: string, data: { status?: "pending" | "in_flight"; nextAttemptAt: Date }) =>
      db().prisma.delivery.create({ data: { webhookId, eventId, ...data } });
    await delivery(working.id, { nextAttemptAt: at(5) });
    await delivery(failing.id, { nextAttemptAt: at(1) });
    await delivery(failing.id, { nextAttemptAt: new Date(NOW.getTime() + 60_000) });
    await delivery(failing.id, { status: "in_flight", nextAttemptAt: at(1) });
    await delivery(byHookline.id, { nextAttemptAt: at(30) });
    // Another workspace's webhook, event and queue: none of it counts here.
    const other = otherCtx(db().prisma, await createOtherWorkspace(db().prisma));
    await other.db.webhook.create({ data: { url: "http://127.0.0.1:9/x", events: ["*"], tokenCiphertext: "x", enabled: true, consecutiveFailures: 9 } });
    await publishEvent(other, { event: "deals.created", data: {} }, { now: at(10) });

    const overview = await getOverview(ctx(), NOW);
    expect(overview.since).toBe("2026-11-23T13:00:00.000Z");
    expect(overview.eventsPublished).toBe(4);
    expect(overview.deliveries).toEqual({ succeeded: 3, failed: 1, successRate: 0.75 });
    // Four first attempts: 50, 100, 150 ms and 2 s. p50 falls in the 100–200 ms bucket, p95 in 2–5 s.
    expect(overview.firstAttemptMs.count).toBe(4);
    expect(overview.firstAttemptMs.p50).toBeGreaterThanOrEqual(100);
    expect(overview.firstAttemptMs.p50).toBeLessThanOrEqual(200);
    expect(overview.firstAttemptMs.p95).toBeGreaterThanOrEqual(2_000);
    expect(overview.firstAttemptMs.p95).toBeLessThanOrEqual(5_000);
    expect(overview.queue).toEqual({ due: 2, scheduled: 1, parked: 1, inFlight: 1, oldestDueAgeSeconds: 300 });
    expect(overview.webhooks.counts).toEqual({ working: 1, failing: 1, disabled: 2 });
    expect(overview.webhooks.top.map((w) => [w.url, w.status, w.reason])).toEqual([
      ["http://127.0.0.1:9/gone", "disabled", "The receiver answered 410 Gone · last: Error status · HTTP 410"],
      ["http://127.0.0.1:9/failing", "failing", "3 failed attempts in a row · last: Timed out"],
      ["http://127.0.0.1:9/off", "disabled", "Disabled by an admin"],
      ["http://127.0.0.1:9/working", "working", null],
    ]);
  });

  it("lists the delivery processes, live ones first, the silent ones marked", async () => {
    const fresh = new Date(Date.now() - 1_000);
    await db().prisma.workerHeartbeat.create({
      data: { owner: "b:2", kind: "worker", hostname: "b", pid: 2, version: "0.1.0", seenAt: new Date(Date.now() - 120_000) },
    });
    await db().prisma.workerHeartbeat.create({ data: { owner: "a:1", kind: "app", hostname: "a", pid: 1, version: "0.1.0", inFlight: 4, seenAt: fresh } });
    const { workers } = await getOverview(ctx());
    expect(workers.map((w) => [w.owner, w.kind, w.isAlive, w.inFlight])).toEqual([
      ["a:1", "app", true, 4],
      ["b:2", "worker", false, 0],
    ]);
  });

  it("answers zeros and nulls for an empty workspace", async () => {
    const overview = await getOverview(ctx(), NOW);
    expect(overview).toMatchObject({
      eventsPublished: 0,
      deliveries: { succeeded: 0, failed: 0, successRate: null },
      firstAttemptMs: { p50: null, p95: null, count: 0 },
      queue: { due: 0, scheduled: 0, parked: 0, inFlight: 0, oldestDueAgeSeconds: null },
      webhooks: { counts: { working: 0, failing: 0, disabled: 0 }, top: [] },
      workers: [],
    });
  });
});

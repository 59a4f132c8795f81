import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { countAttempt, countPublished, createMetrics, hooklineMetrics } from "@/lib/delivery/metrics";
import { publishBatch, publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";
import { createOtherWorkspace } from "../../helpers/workspace";

/** The value of one series in Prometheus text, or undefined when it is not there. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A counter's or histogram's current value in this process's registry (they only grow: tests read deltas). */
async function processValue(series: string): Promise<number> {
  return seriesValue(await hooklineMetrics().registry.metrics(), series) ?? 0;
}

describe("the metrics' counters", () => {
  it("count published events by type and attempts by outcome and error class, and time the attempts; a workspace label only when asked", async () => {
    const plain = createMetrics(false);
    countPublished("deals.created", DEFAULT_WORKSPACE_ID, plain);
    countPublished("deals.created", DEFAULT_WORKSPACE_ID, plain);
    countAttempt({ ok: true, errorClass: null, durationMs: 20 }, DEFAULT_WORKSPACE_ID, plain);
    countAttempt({ ok: false, errorClass: "timeout", durationMs: 10_000 }, DEFAULT_WORKSPACE_ID, plain);
    const text = await plain.registry.metrics();
    expect(seriesValue(text, 'hookline_events_published_total{event_type="deals.created"}')).toBe(2);
    expect(seriesValue(text, 'hookline_delivery_attempts_total{outcome="success",error_class="none"}')).toBe(1);
    expect(seriesValue(text, 'hookline_delivery_attempts_total{outcome="failure",error_class="timeout"}')).toBe(1);
    expect(seriesValue(text, "hookline_delivery_attempt_duration_seconds_count")).toBe(2);
    expect(seriesValue(text, 'hookline_delivery_attempt_duration_seconds_bucket{le="0.025"}')).toBe(1);
    expect(text).not.toContain("workspace=");

    const byWorkspace = createMetrics(true);
    countPublished("deals.created", DEFAULT_WORKSPACE_ID, byWorkspace);
    expect(
      seriesValue(await byWorkspace.registry.metrics(), `hookline_events_published_total{event_type="deals.created",workspace="${DEFAULT_WORKSPACE_ID}"}`),
    ).toBe(1);
  });
});

describe.each(TEST_DATABASES)("metrics on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver((req, res) => {
      res.statusCode = (req.url ?? "").includes("/fail") ? 500 : 200;
      res.end("ok");
    });
  });
  afterEach(() => receiver.close());

  it("after a known sequence of deliveries, the counts are exact: events, attempts by outcome, durations, nothing left in flight", async () => {
    const ctx = defaultWorkspaceContext(db().prisma);
    await enabledWebhook(`${receiver.url}/ok`, { events: ["deals.created"] });
    await enabledWebhook(`${receiver.url}/fail`, { events: ["deals.updated"] });
    const before = {
      created: await processValue('hookline_events_published_total{event_type="deals.created"}'),
      updated: await processValue('hookline_events_published_total{event_type="deals.updated"}'),
      success: await processValue('hookline_delivery_attempts_total{outcome="success",error_class="none"}'),
      failure: await processValue('hookline_delivery_attempts_total{outcome="failure",error_class="http_status"}'),
      timed: await processValue("hookline_delivery_attempt_duration_seconds_count"),
    };
    await publishEvent(ctx, { event: "deals.created", data: { n: 1 } });
    await publishBatch(ctx, {
      events: [
        { event: "deals.created", data: { n: 2 } },
        { event: "deals.updated", data: { n: 3 } },
      ],
    });
    await publishEvent(ctx, { event: "deals.created", data: { n: 4 }, idempotencyKey: "k" });
    await publishEvent(ctx, { event: "deals.created", data: { n: 4 }, idempotencyKey: "k" }); // a repeat publishes nothing
    expect(await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain()).toBe(4);
    expect(await processValue('hookline_events_published_total{event_type="deals.created"}')).toBe(before.created + 3);
    expect(await processValue('hookline_events_published_total{event_type="deals.updated"}')).toBe(before.updated + 1);
    expect(await processValue('hookline_delivery_attempts_total{outcome="success",error_class="none"}')).toBe(before.success + 3);
    expect(await processValue('hookline_delivery_attempts_total{outcome="failure",error_class="http_status"}')).toBe(before.failure + 1);
    expect(await processValue("hookline_delivery_attempt_duration_seconds_count")).toBe(before.timed + 4);
    expect(await processValue("hookline_worker_in_flight")).toBe(0);
  });

  it("reads the queue and the webhooks from the database at each scrape: due now, the oldest's age, webhooks by status (per workspace when asked)", async () => {
    const prisma = db().prisma;
    const metrics = createMetrics(false);
    metrics.database.prisma = async () => prisma;
    let text = await metrics.registry.metrics();
    expect(seriesValue(text, "hookline_deliveries_due")).toBe(0);
    expect(seriesValue(text, "hookline_oldest_due_delivery_age_seconds")).toBe(0);
    expect(seriesValue(text, 'hookline_webhooks{status="working"}')).toBe(0);

    const on = await enabledWebhook("http://127.0.0.1:9/on");
    const off = await enabledWebhook("http://127.0.0.1:9/off");
    const failing = await enabledWebhook("http://127.0.0.1:9/failing");
    await prisma.webhook.update({ where: { id: off.id }, data: { enabled: false } });
    await prisma.webhook.update({ where: { id: failing.id }, data: { consecutiveFailures: 3 } });
    const event = await prisma.event.create({ data: { type: "deals.created", payload: {} } });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await prisma.delivery.createMany({
      data: [
        { webhookId: on.id, eventId: event.id, status: "pending", nextAttemptAt: minutesAgo(2) },
        { webhookId: failing.id, eventId: event.id, status: "pending", nextAttemptAt: minutesAgo(1) },
        { webhookId: on.id, eventId: event.id, status: "pending", nextAttemptAt: new Date(Date.now() + 3_600_000) }, // not due yet
        { webhookId: off.id, eventId: event.id, status: "pending", nextAttemptAt: minutesAgo(5) }, // parked
        { webhookId: on.id, eventId: event.id, status: "succeeded", nextAttemptAt: minutesAgo(9) },
      ],
    });
    text = await metrics.registry.metrics();
    expect(seriesValue(text, "hookline_deliveries_due")).toBe(2);
    expect(seriesValue(text, "hookline_oldest_due_delivery_age_seconds")).toBeGreaterThanOrEqual(119);
    expect(seriesValue(text, "hookline_oldest_due_delivery_age_seconds")).toBeLessThan(200);
    expect([
      seriesValue(text, 'hookline_webhooks{status="working"}'),
      seriesValue(text, 'hookline_webhooks{status="failing"}'),
      seriesValue(text, 'hookline_webhooks{status="disabled"}'),
    ]).toEqual([1, 1, 1]);

    const other = await createOtherWorkspace(prisma);
    await prisma.webhook.update({ where: { id: on.id }, data: { workspaceId: other.id } });
    await prisma.delivery.updateMany({ where: { webhookId: on.id }, data: { workspaceId: other.id } });
    const perWorkspace = createMetrics(true);
    perWorkspace.database.prisma = async () => prisma;
    text = await perWorkspace.registry.metrics();
    expect(seriesValue(text, `hookline_deliveries_due{workspace="${other.id}"}`)).toBe(1);
    expect(seriesValue(text, `hookline_deliveries_due{workspace="${DEFAULT_WORKSPACE_ID}"}`)).toBe(1);
    expect(seriesValue(text, `hookline_webhooks{status="working",workspace="${other.id}"}`)).toBe(1);
  });
});

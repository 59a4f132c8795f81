import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { attemptDelivery, RESPONSE_BODY_CAP } from "@/lib/delivery/attempt-delivery";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { AttemptRecorder } from "@/lib/delivery/record-attempts";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, manualClock, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";

describe.each(TEST_DATABASES)("attemptDelivery on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let answer: { status: number; headers?: Record<string, string>; body: string } = { status: 200, body: "ok" };
  beforeEach(async () => {
    answer = { status: 200, body: "ok" };
    receiver = await startReceiver((_q, res) => {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body);
    });
  });
  afterEach(() => receiver.close());

  /** Publishes one event to a webhook on the receiver and claims its delivery as owner "w1". */
  async function claimOne(webhook: Record<string, unknown> = {}, attemptsBefore = 0): Promise<TClaimed> {
    await enabledWebhook(`${receiver.url}/in`, webhook);
    await publishEvent(ctx(), { event: "deals.created", projectId: "crm", data: { id: 7 } });
    if (attemptsBefore) await db().prisma.delivery.updateMany({ data: { attemptCount: attemptsBefore } });
    const [claimed] = await claimDeliveries(db().prisma, "w1", 1, new Date(Date.now() + 1_000), 60_000);
    if (!claimed) throw new Error("nothing claimed");
    return claimed;
  }
  const context = (clock = manualClock()) => ({
    recorder: new AttemptRecorder(db().prisma, TEST_CONFIG.failureLimit),
    owner: "w1",
    config: TEST_CONFIG,
    now: clock.now,
  });

  it("sends the delivery once and records a success with what was sent and answered", async () => {
    const claimed = await claimOne({ httpUser: "u", httpPassword: "pw-secret" });
    const clock = manualClock(new Date("2026-11-30T10:00:00Z"));
    const { recorded, result } = await attemptDelivery(context(clock), claimed);
    expect(recorded).toBe("recorded");
    expect(result).toMatchObject({ ok: true, statusCode: 200, responseBody: "ok", errorClass: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers).toMatchObject({
      event: "deals.created",
      delivery: claimed.id,
      authorization: `Basic ${Buffer.from("u:pw-secret").toString("base64")}`,
    });
    expect(JSON.parse(receiver.received[0]?.body ?? "")).toEqual({
      id: claimed.eventId,
      event: "deals.created",
      timestamp: claimed.occurredAt.toISOString(),
      projectId: "crm",
      data: { id: 7 },
    });

    const delivery = await db().prisma.delivery.findUniqueOrThrow({ where: { id: claimed.id }, include: { attempts: true } });
    expect(delivery).toMatchObject({
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 200,
      leaseOwner: null,
      leaseExpiresAt: null,
      completedAt: clock.now(),
    });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({ number: 1, trigger: "auto", statusCode: 200, responseBody: "ok", errorClass: null, startedAt: clock.now() });
    // The stored request headers are what was sent, the password masked.
    expect(delivery.attempts[0]?.requestHeaders).toMatchObject({ Event: "deals.created", Delivery: claimed.id, Authorization: "Basic ••••••" });
    expect(JSON.stringify(delivery.attempts[0]?.requestHeaders)).not.toContain(Buffer.from("u:pw-secret").toString("base64"));
  });

  it("a 500 is recorded as a failed attempt and schedules a retry by the schedule's first delay", async () => {
    answer = { status: 500, body: "boom" };
    const claimed = await claimOne();
    const clock = manualClock(new Date("2026-11-30T10:00:00Z"));
    const { recorded, result } = await attemptDelivery(context(clock), claimed);
    expect(recorded).toBe("recorded");
    expect(result).toMatchObject({ ok: false, statusCode: 500, errorClass: "http_status", errorMessage: "HTTP 500" });
    const delivery = await db().prisma.delivery.findUniqueOrThrow({ where: { id: claimed.id }, include: { attempts: true } });
    expect(delivery).toMatchObject({
      status: "pending",
      attemptCount: 1,
      lastStatusCode: 500,
      completedAt: null,
      leaseOwner: null,
      nextAttemptAt: new Date(clock.now().getTime() + (TEST_CONFIG.retrySchedule[0] as number)),
    });
    expect(delivery.attempts[0]).toMatchObject({
      number: 1,
      trigger: "auto",
      statusCode: 500,
      responseBody: "boom",
      errorClass: "http_status",
      errorMessage: "HTTP 500",
    });
    expect(await db().prisma.webhook.findUniqueOrThrow({ where: { id: claimed.webhookId } })).toMatchObject({ consecutiveFailures: 1, enabled: true });
  });

  it("a 503 with Retry-After comes back when asked; after the schedule's last delay, it fails for good", async () => {
    answer = { status: 503, headers: { "retry-after": "120" }, body: "later" };
    const clock = manualClock(new Date("2026-11-30T10:00:00Z"));
    const first = await claimOne();
    await attemptDelivery(context(clock), first);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "pending",
      nextAttemptAt: new Date(clock.now().getTime() + 120_000),
    });
    await db().prisma.delivery.deleteMany();

    answer = { status: 500, body: "boom" };
    const last = await claimOne({}, TEST_CONFIG.retrySchedule.length); // this claim is attempt 4 of a 3-delay schedule
    expect(last.attemptCount).toBe(TEST_CONFIG.retrySchedule.length + 1);
    await attemptDelivery(context(clock), last);
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      status: "failed",
      completedAt: clock.now(),
      lastStatusCode: 500,
    });
  });

  it("records the trigger it is given and caps the stored answer", async () => {
    answer = { status: 200, body: "x".repeat(RESPONSE_BODY_CAP + 10) };
    const claimed = await claimOne();
    await attemptDelivery(context(), claimed, "manual");
    const attempt = await db().prisma.attempt.findFirstOrThrow({ where: { deliveryId: claimed.id } });
    expect(attempt).toMatchObject({ trigger: "manual", isBodyTruncated: true });
    expect(attempt.responseBody).toHaveLength(RESPONSE_BODY_CAP);
  });

  it("a receiver that cannot be reached is a connect failure, retried", async () => {
    const claimed = await claimOne();
    await receiver.close();
    const clock = manualClock();
    const { recorded, result } = await attemptDelivery(context(clock), claimed);
    expect(recorded).toBe("recorded");
    expect(result).toMatchObject({ ok: false, statusCode: null, errorClass: "connect" });
    expect(await db().prisma.delivery.findUniqueOrThrow({ where: { id: claimed.id }, include: { attempts: true } })).toMatchObject({
      status: "pending",
      lastStatusCode: null,
      attempts: [expect.objectContaining({ statusCode: null, errorClass: "connect" })],
    });
  });
});

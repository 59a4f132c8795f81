import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { wakeWorkers } from "@/lib/delivery/runtime/wakeup";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { enableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, manualClock, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";
import { until } from "../../helpers/until";

const MIN = 60_000;

describe.each(TEST_DATABASES)("the delivery worker on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 200;
  let extraHeaders: Record<string, string> = {};
  beforeEach(async () => {
    status = 200;
    extraHeaders = {};
    receiver = await startReceiver((_q, res) => {
      res.writeHead(status, extraHeaders);
      res.end(status < 300 ? "ok" : "no");
    });
  });
  afterEach(() => receiver.close());

  const worker = (now?: () => Date) => new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, now, log: () => {} });

  it("delivers the envelope with every header, and both signatures verify", async () => {
    const hook = await enabledWebhook(`${receiver.url}/in`, { httpUser: "u", httpPassword: "pw-secret" });
    const { id: eventId } = await publishEvent(ctx(), { event: "deals.created", projectId: "crm", data: { id: 1, title: "Déal" } });
    expect(await worker().drain()).toBe(1);
    const req = receiver.received[0];
    const delivery = await db().prisma.delivery.findFirstOrThrow({ include: { attempts: true } });
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 1, lastStatusCode: 200 });
    expect(req?.headers).toMatchObject({
      "content-type": "application/json",
      event: "deals.created",
      delivery: delivery.id,
      "webhook-id": delivery.id,
      "user-agent": "Hookline-Webhooks/0.1.0",
      authorization: `Basic ${Buffer.from("u:pw-secret").toString("base64")}`,
    });
    expect(JSON.parse(req?.body ?? "")).toMatchObject({ id: eventId, event: "deals.created", projectId: "crm", data: { id: 1, title: "Déal" } });
    // Seed 000's Go check: hex HMAC-SHA256 of the raw body with the token.
    const expected = createHmac("sha256", hook.token)
      .update(req?.body ?? "")
      .digest("hex");
    expect(timingSafeEqual(Buffer.from(expected), Buffer.from(String(req?.headers.signature)))).toBe(true);
    const headers = {
      "webhook-id": String(req?.headers["webhook-id"]),
      "webhook-timestamp": String(req?.headers["webhook-timestamp"]),
      "webhook-signature": String(req?.headers["webhook-signature"]),
    };
    expect(new Webhook(hook.token).verify(req?.body ?? "", headers)).toBeTruthy();
    expect(() => new Webhook(hook.token).verify(`${req?.body} `, headers)).toThrow();
    expect(delivery.attempts[0]).toMatchObject({ number: 1, trigger: "auto", statusCode: 200, responseBody: "ok", errorClass: null });
    expect(JSON.stringify(delivery.attempts[0]?.requestHeaders)).not.toContain("pw-secret");
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).lastSuccessAt).not.toBeNull();
  });

  it("retries after 1, 5 and 10 minutes on the injected clock, then fails for good", async () => {
    status = 500;
    await enabledWebhook(receiver.url);
    const clock = manualClock();
    await publishEvent(ctx(), { event: "deals.created", data: {} }, { now: clock.now() });
    const w = worker(clock.now);
    const attemptsAt: number[] = [];
    for (const step of [0, 59_000, 1_000, 4 * MIN, 1 * MIN, 9 * MIN, 1 * MIN, 60 * MIN]) {
      clock.advance(step);
      if ((await w.drain()) > 0) attemptsAt.push(clock.now().getTime() - clock.at(0).getTime());
    }
    expect(attemptsAt).toEqual([0, 1 * MIN, 6 * MIN, 16 * MIN]);
    const delivery = await db().prisma.delivery.findFirstOrThrow({ include: { attempts: { orderBy: { number: "asc" } } } });
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 4, lastStatusCode: 500 });
    expect(delivery.completedAt).not.toBeNull();
    expect(delivery.attempts.map((a) => [a.number, a.trigger, a.errorClass])).toEqual([
      [1, "auto", "http_status"],
      [2, "retry", "http_status"],
      [3, "retry", "http_status"],
      [4, "retry", "http_status"],
    ]);
    expect(new Set(receiver.received.map((r) => r.headers.delivery)).size).toBe(1); // same Delivery id on every retry
  });

  it("410 Gone disables the webhook and stops retrying", async () => {
    status = 410;
    const hook = await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await worker().drain();
    expect(await db().prisma.delivery.findFirstOrThrow()).toMatchObject({ status: "failed", attemptCount: 1 });
    expect(await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      enabled: false,
      disabledReason: "The receiver answered 410 Gone",
    });
  });

  it("honours Retry-After on 429, bounded by the schedule's longest wait", async () => {
    status = 429;
    extraHeaders = { "retry-after": "120" };
    await enabledWebhook(receiver.url);
    const clock = manualClock();
    await publishEvent(ctx(), { event: "deals.created", data: {} }, { now: clock.now() });
    await worker(clock.now).drain();
    expect((await db().prisma.delivery.findFirstOrThrow()).nextAttemptAt.getTime()).toBe(clock.at(120_000).getTime());
    extraHeaders = { "retry-after": "86400" };
    clock.advance(120_000);
    await worker(clock.now).drain();
    expect((await db().prisma.delivery.findFirstOrThrow()).nextAttemptAt.getTime()).toBe(clock.now().getTime() + 10 * MIN);
  });

  it("a 3xx is a failure and its target is never contacted", async () => {
    const target = await startReceiver();
    status = 302;
    extraHeaders = { location: `${target.url}/moved` };
    await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await worker().drain();
    const attempt = await db().prisma.attempt.findFirstOrThrow();
    expect(attempt).toMatchObject({ statusCode: 302, errorClass: "redirect" });
    expect(target.connections()).toBe(0);
    await target.close();
  });

  it("10 consecutive failures disable the webhook with the reason; its other deliveries stay pending", async () => {
    status = 500;
    const hook = await enabledWebhook(receiver.url);
    for (let i = 0; i < 12; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } });
    const w = new DeliveryWorker({ db: db().prisma, config: { ...TEST_CONFIG, concurrency: 1 }, log: () => {} });
    await w.drain();
    const row = await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(row).toMatchObject({ enabled: false, consecutiveFailures: 10, disabledReason: "Disabled after 10 failed attempts in a row" });
    const counts = await db().prisma.delivery.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count]))).toEqual({ pending: 12 });
    expect(await db().prisma.attempt.count()).toBe(10);
    // Re-enabling runs the test (the receiver works again) and resets the count; the two parked
    // deliveries that were never tried go out now, the ten that failed once wait for their retry.
    status = 200;
    expect(await enableWebhook(ctx(), hook.id)).toMatchObject({ enabled: true, consecutiveFailures: 0, status: "working" });
    await w.drain();
    expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(2);
    expect(await db().prisma.delivery.count({ where: { status: "pending", attemptCount: 1 } })).toBe(10);
  });

  it("a success between failures resets the count", async () => {
    const hook = await enabledWebhook(receiver.url);
    status = 500;
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await worker().drain();
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).consecutiveFailures).toBe(2);
    status = 200;
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await worker().drain();
    expect(await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ consecutiveFailures: 0, enabled: true });
  });

  it("a blocked address is refused at send time and never connected to", async () => {
    const trap = await startReceiver(undefined, "127.0.0.2");
    const hook = await enabledWebhook(receiver.url);
    // The save-time check would refuse this URL; the row is changed directly to prove send time checks too.
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { url: `http://127.0.0.2:${trap.port}/` } });
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await worker().drain();
    expect(await db().prisma.attempt.findFirstOrThrow()).toMatchObject({ errorClass: "ssrf_blocked", statusCode: null });
    expect(trap.connections()).toBe(0);
    await trap.close();
  });

  it("a result whose lease was lost does not overwrite the new owner's: it is logged as a late attempt (fenced update)", async () => {
    await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const clock = manualClock();
    const slow = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, owner: "slow", now: clock.now, log: () => {} });
    const [claimed] = await claimDeliveries(db().prisma, "slow", 1, clock.now(), 1_000);
    expect(claimed).toBeDefined();
    // The lease expires; another worker takes the delivery over and finishes it.
    clock.advance(2_000);
    const other = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, owner: "other", now: clock.now, log: () => {} });
    expect(await other.drain()).toBe(1);
    const { attemptDelivery } = await import("@/lib/delivery/attempt-delivery");
    const { AttemptRecorder } = await import("@/lib/delivery/record-attempts");
    const recorder = new AttemptRecorder(db().prisma, TEST_CONFIG.failureLimit);
    const late = await attemptDelivery({ recorder, owner: "slow", config: TEST_CONFIG, now: clock.now }, claimed as NonNullable<typeof claimed>);
    expect(late.recorded).toBe("late");
    expect(await db().prisma.attempt.findMany({ orderBy: { number: "asc" }, select: { number: true, isLate: true } })).toEqual([
      { number: 1, isLate: true },
      { number: 2, isLate: false },
    ]);
    expect(await db().prisma.delivery.findFirstOrThrow()).toMatchObject({ status: "succeeded", attemptCount: 2 });
    void slow;
  });

  it("an idle started worker is woken by a publish instead of waiting for its poll", async () => {
    await enabledWebhook(receiver.url);
    const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, pollMs: 60_000, log: () => {} });
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 100)); // let it go idle
      await publishEvent(ctx(), { event: "deals.created", data: {} });
      const deadline = Date.now() + 5_000;
      while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(receiver.received).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });

  it("stop(grace) waits for requests in flight up to the grace, then hands back what is left: pending again, the attempt not counted", async () => {
    const held: (() => void)[] = [];
    const hanging = await startReceiver((_q, res) => void held.push(() => res.end("late")));
    try {
      await enabledWebhook(hanging.url, { maxInFlight: 10 });
      for (let i = 0; i < 2; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } });
      const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
      w.start();
      const deadline = Date.now() + 5_000;
      while (hanging.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const stoppedAt = Date.now();
      expect(await w.stop(300)).toBe(2);
      expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(290);
      expect(await db().prisma.delivery.findMany({ select: { status: true, attemptCount: true, leaseOwner: true } })).toEqual([
        { status: "pending", attemptCount: 0, leaseOwner: null },
        { status: "pending", attemptCount: 0, leaseOwner: null },
      ]);
      // The answers that come in after the hand-back are not recorded: the leases are not the worker's.
      for (const release of held.splice(0)) release();
      await new Promise((r) => setTimeout(r, 300));
      expect(await db().prisma.attempt.count()).toBe(0);
    } finally {
      for (const release of held.splice(0)) release();
      await hanging.close();
    }
  });

  /**
   * A receiver that holds every request until released, 8 deliveries due and a worker of 4 slots
   * (a quarter of them ahead), started: once it returns, 4 requests are open and 1 more is claimed.
   */
  async function fourSlotsBusy() {
    const held: (() => void)[] = [];
    const hanging = await startReceiver((_q, res) => void held.push(() => res.end("ok")));
    await enabledWebhook(hanging.url, { maxInFlight: 100 });
    for (let i = 0; i < 8; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } });
    const w = new DeliveryWorker({ db: db().prisma, config: { ...TEST_CONFIG, concurrency: 4 }, log: () => {} });
    w.start();
    const inFlight = () => db().prisma.delivery.count({ where: { status: "in_flight" } });
    await until(async () => hanging.received.length === 4 && (await inFlight()) === 5, 5_000, "4 requests open and 1 claimed ahead");
    const close = async () => {
      for (const release of held.splice(0)) release();
      await hanging.close();
    };
    return { w, held, hanging, inFlight, close };
  }

  it("keeps a batch claimed ahead while its slots are busy, and starts it the moment a slot frees", async () => {
    const { w, held, hanging, inFlight, close } = await fourSlotsBusy();
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(hanging.received).toHaveLength(4);
      expect(await inFlight()).toBe(5);
      // One answer: the fifth request is the delivery that was already claimed, held ahead.
      const claimedBefore = (await db().prisma.delivery.findMany({ where: { status: "in_flight" }, select: { id: true } })).map((d) => d.id);
      held.shift()?.();
      await until(() => hanging.received.length === 5, 5_000, "the fifth request");
      expect(claimedBefore).toContain(hanging.received[4]?.headers["webhook-id"]);
      const succeeded = () => db().prisma.delivery.count({ where: { status: "succeeded" } });
      await until(
        async () => {
          for (const release of held.splice(0)) release();
          return (await succeeded()) === 8;
        },
        5_000,
        "all 8 delivered",
      );
      await w.stop();
    } finally {
      await close();
    }
  });

  it("stop() hands back what it claimed ahead and never started", async () => {
    const { w, held, hanging, inFlight, close } = await fourSlotsBusy();
    try {
      const stopping = w.stop(5_000);
      await new Promise((r) => setTimeout(r, 300));
      // The one ahead is pending again at once, its attempt not counted; the four open still run.
      expect(await inFlight()).toBe(4);
      expect(await db().prisma.delivery.count({ where: { status: "pending", attemptCount: 0 } })).toBe(4);
      for (const release of held.splice(0)) release();
      expect(await stopping).toBe(0);
      expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(4);
      expect(hanging.received).toHaveLength(4);
    } finally {
      await close();
    }
  });

  it("stop(grace) with nothing left in flight hands back nothing", async () => {
    await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
    w.start();
    const deadline = Date.now() + 5_000;
    while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(await w.stop(5_000)).toBe(0);
    expect(await db().prisma.delivery.findFirstOrThrow()).toMatchObject({ status: "succeeded" });
  });

  it("an idle worker sleeps until the next delivery is due, not in a tight poll, and wakes for it", async () => {
    const hook = await enabledWebhook(receiver.url);
    const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
    const tick = vi.spyOn(w, "tick");
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 1_500));
      // Nothing due: one claim at start, then asleep (the cap is 30 s), not one every 500 ms.
      expect(tick.mock.calls.length).toBeLessThanOrEqual(2);
      // A retry due in 1.5 s that nobody announces (as if another process had scheduled it).
      const { id: eventId } = await db().prisma.event.create({ data: { type: "deals.created", payload: {} } });
      await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId, nextAttemptAt: new Date(Date.now() + 1_500) } });
      wakeWorkers(); // what a NOTIFY does: the worker looks again and learns the due time
      const deadline = Date.now() + 5_000;
      while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(receiver.received).toHaveLength(1);
      expect(tick.mock.calls.length).toBeLessThanOrEqual(6);
    } finally {
      await w.stop();
    }
  });

  it("a receiver that hangs holds only its own cap, across two workers, and others keep being delivered", { timeout: 30_000 }, async () => {
    // The slow receiver holds every request open until released; the fast one is the shared receiver.
    const held: (() => void)[] = [];
    let openAtOnce = 0;
    let mostAtOnce = 0;
    const slow = await startReceiver((_q, res) => {
      mostAtOnce = Math.max(mostAtOnce, ++openAtOnce);
      held.push(() => {
        openAtOnce--;
        res.end("ok");
      });
    });
    try {
      const slowHook = await enabledWebhook(`${slow.url}/slow`, { maxInFlight: 3, events: ["deals.updated"] });
      await enabledWebhook(`${receiver.url}/fast`);
      for (let i = 0; i < 20; i++) await publishEvent(ctx(), { event: "deals.updated", data: { i } });
      const config = { ...TEST_CONFIG, concurrency: 8, timeoutMs: 20_000, leaseMs: 60_000 };
      const workers = ["a", "b"].map((owner) => new DeliveryWorker({ db: db().prisma, config, owner, log: () => {} }));
      for (const w of workers) w.start();
      try {
        await vi.waitFor(() => expect(held.length).toBe(3), { timeout: 10_000 });
        // The slow webhook's backlog (17 more) waits; a fast delivery published now goes out at once.
        const t0 = Date.now();
        for (let i = 0; i < 5; i++) await publishEvent(ctx(), { event: "deals.created", data: { i } });
        await vi.waitFor(() => expect(receiver.received).toHaveLength(5), { timeout: 5_000 });
        expect(Date.now() - t0).toBeLessThan(3_000);
        expect(await db().prisma.delivery.count({ where: { webhookId: slowHook.id, status: "in_flight" } })).toBe(3);
        // Released one by one, the backlog drains three at a time, never more.
        await vi.waitFor(
          async () => {
            for (const release of held.splice(0)) release();
            expect(await db().prisma.delivery.count({ where: { status: "succeeded", event: { type: "deals.updated" } } })).toBe(20);
          },
          { timeout: 15_000, interval: 50 },
        );
        expect(mostAtOnce).toBe(3);
      } finally {
        for (const release of held.splice(0)) release(); // stop() waits for requests in flight
        await Promise.all(workers.map((w) => w.stop()));
      }
    } finally {
      for (const release of held.splice(0)) release();
      await slow.close();
    }
  });

  it("enabling a webhook wakes workers for its parked deliveries", async () => {
    const hook = await enabledWebhook(receiver.url);
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    await publishEvent(ctx(), { event: "deals.created", data: {} }); // no delivery: disabled
    const { id: eventId } = await db().prisma.event.create({ data: { type: "deals.created", payload: {} } });
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId } }); // parked
    const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received).toHaveLength(0);
      const { enableWebhook } = await import("@/lib/server/webhooks/set-webhook-enabled");
      await enableWebhook(ctx(), hook.id); // sends its test ping first, then wakes the worker
      const deadline = Date.now() + 3_000;
      while (receiver.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(receiver.received).toHaveLength(2); // the ping and the parked delivery, well before the 30 s cap
    } finally {
      await w.stop();
    }
  });

  it("a burst of in-process publishes does not starve the running worker into false timeouts", { timeout: 120_000 }, async () => {
    await enabledWebhook(receiver.url);
    const w = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
    w.start();
    try {
      let next = 0;
      const N = 1_500;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < N) {
            next++;
            await publishEvent(ctx(), { event: "deals.created", data: { n: next } });
          }
        }),
      );
      const deadline = Date.now() + 60_000;
      while ((await db().prisma.delivery.count({ where: { status: "succeeded" } })) < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const failed = await db().prisma.attempt.groupBy({ by: ["errorClass"], where: { errorClass: { not: null } }, _count: true });
      expect(failed).toEqual([]);
      expect(await db().prisma.delivery.count({ where: { status: "succeeded" } })).toBe(N);
    } finally {
      await w.stop();
    }
  });
});

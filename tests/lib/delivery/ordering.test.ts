import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { heldBackCount, waitingFor } from "@/lib/delivery/ordering";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";
import { webhookQueue } from "@/lib/server/deliveries/webhook-queue";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";
import { until } from "../../helpers/until";

// Deliver in order, end to end: the outbox numbers an in-order webhook's deliveries, the claim takes
// only each key's head, real workers send to a real receiver.

type TArrival = { key: string; n: number; ok: boolean; at: number };

describe.each(TEST_DATABASES)("ordered delivery on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const config = { ...TEST_CONFIG, retrySchedule: [150, 150, 150] };
  const worker = (owner: string) => {
    const w = new DeliveryWorker({ db: db().prisma, config, owner, pollMs: 50, log: () => {} });
    w.start();
    cleanups.push(() => w.stop());
    return w;
  };

  it("a head that fails twice holds back its key only; arrival order per key is publish order, and keys interleave", async () => {
    const arrivals: TArrival[] = [];
    let headFailures = 0;
    let isHeadFixed = false; // the receiver refuses A1 until the test has seen it held back, twice
    const receiver = await startReceiver((_req, res, body) => {
      const { key, n } = JSON.parse(body).data as { key: string; n: number };
      const ok = !(key === "A" && n === 1 && !isHeadFixed);
      if (!ok) headFailures++;
      arrivals.push({ key, n, ok, at: performance.now() });
      res.statusCode = ok ? 200 : 503;
      res.end();
    });
    cleanups.push(receiver.close);
    const hook = await enabledWebhook(`${receiver.url}/ordered`, { events: ["*"], ordered: true, orderingKey: "data.key" });
    for (const [key, n] of [
      ["A", 1],
      ["B", 1],
      ["A", 2],
      ["B", 2],
      ["A", 3],
      ["B", 3],
    ] as const)
      await publishEvent(ctx(), { event: "deals.created", data: { key, n } });

    // While A1 waits for its retry, A2 says what it waits for, and the queue counts what is held back.
    const deliveries = await db().prisma.delivery.findMany({ orderBy: { orderSeq: "asc" }, include: { event: true } });
    expect(deliveries.map((d) => d.orderKey)).toEqual(["A", "B", "A", "B", "A", "B"]);
    worker("w1");
    await until(() => arrivals.filter((a) => a.key === "B" && a.ok).length === 3 && headFailures >= 1, 10_000, "B delivered while A1 fails");
    const a2 = deliveries[2] as (typeof deliveries)[number];
    const a1 = deliveries[0] as (typeof deliveries)[number];
    expect((await getDelivery(ctx(), a2.id)).waitingFor).toBe(a1.id);
    expect((await getDelivery(ctx(), a1.id)).waitingFor).toBeNull();
    expect((await webhookQueue(ctx(), hook.id)).heldBackInOrder).toBe(2);
    await until(() => headFailures >= 2, 10_000, "A1's second failure");
    isHeadFixed = true;
    await until(() => arrivals.filter((a) => a.ok).length === 6, 10_000, "every delivery");

    const delivered = (key: string) => arrivals.filter((a) => a.key === key && a.ok).map((a) => a.n);
    expect(delivered("A")).toEqual([1, 2, 3]);
    expect(delivered("B")).toEqual([1, 2, 3]);
    // A1 was tried three times before A2 was sent at all; B did not wait for A.
    expect(arrivals.filter((a) => a.key === "A").map((a) => `${a.n}${a.ok ? "" : "x"}`)).toEqual(["1x", "1x", "1", "2", "3"]);
    const firstA1Success = arrivals.find((a) => a.key === "A" && a.ok)?.at as number;
    expect(arrivals.filter((a) => a.key === "B").every((a) => a.at < firstA1Success)).toBe(true);
    expect(await heldBackCount(db().prisma, hook.id)).toBe(0);
    expect(await waitingFor(db().prisma, { ...a2, status: "pending" })).toBeNull();
  });

  it("a delivery that fails for good lets the next one go (without a key the whole webhook is one sequence)", async () => {
    const arrivals: TArrival[] = [];
    const receiver = await startReceiver((_req, res, body) => {
      const { n } = JSON.parse(body).data as { n: number };
      const ok = n !== 1;
      arrivals.push({ key: "", n, ok, at: performance.now() });
      res.statusCode = ok ? 200 : 500;
      res.end();
    });
    cleanups.push(receiver.close);
    await enabledWebhook(`${receiver.url}/whole`, { events: ["*"], ordered: true }); // no key: one sequence
    for (const n of [1, 2, 3]) await publishEvent(ctx(), { event: "deals.created", data: { n } });
    worker("w1");
    await until(() => arrivals.filter((a) => a.ok).length === 2, 10_000, "2 and 3");
    expect(arrivals.map((a) => `${a.n}${a.ok ? "" : "x"}`)).toEqual(["1x", "1x", "1x", "1x", "2", "3"]);
    // The receiver has answered; the last record may still be on its way.
    const statuses = async () => (await db().prisma.delivery.findMany({ orderBy: { orderSeq: "asc" } })).map((d) => d.status).join(",");
    await until(async () => (await statuses()) === "failed,succeeded,succeeded", 10_000, "every attempt recorded");
  });

  it("two workers never have two deliveries of one key in flight, and each key arrives in publish order", async () => {
    const inFlight = new Map<string, number>();
    let mostInFlightPerKey = 0;
    let mostInFlight = 0;
    let open = 0;
    const arrivals: TArrival[] = [];
    const receiver = await startReceiver((_req, res, body) => {
      const { key, n } = JSON.parse(body).data as { key: string; n: number };
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      open++;
      mostInFlightPerKey = Math.max(mostInFlightPerKey, inFlight.get(key) ?? 0);
      mostInFlight = Math.max(mostInFlight, open);
      arrivals.push({ key, n, ok: true, at: performance.now() });
      setTimeout(() => {
        inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
        open--;
        res.end("ok");
      }, 5);
    });
    cleanups.push(receiver.close);
    await enabledWebhook(`${receiver.url}/keys`, { events: ["*"], ordered: true, orderingKey: "data.key", maxInFlight: 100 });
    const keys = ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"];
    const events = Array.from({ length: 160 }, (_, i) => ({ event: "deals.created", data: { key: keys[i % keys.length], n: Math.floor(i / keys.length) } }));
    await (await import("@/lib/delivery/publish-event")).publishBatch(ctx(), { events });
    worker("w1");
    worker("w2");
    await until(() => arrivals.length === 160, 30_000, "every delivery");
    expect(mostInFlightPerKey).toBe(1);
    expect(mostInFlight).toBeGreaterThan(1); // different keys went in parallel
    for (const key of keys)
      expect(
        arrivals.filter((a) => a.key === key).map((a) => a.n),
        key,
      ).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

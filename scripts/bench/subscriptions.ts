// Subscriptions as receivers need them (issue 24), on PostgreSQL, over HTTP as a host publishes:
// 1. publishing with 100 webhooks that each carry a payload filter, beside the same 100 without
//    (the filter matches every event, so both write the same deliveries: the difference is the
//    filter's evaluation in the outbox statement);
// 2. delivering with 1,000 ordering keys, beside the same events unordered (one `npm run worker`).
import { defaultWorkspaceContext } from "../../lib/db/workspace-context";
import { inParallel, startHost, type TReceiver, wallNow } from "./harness";

export type TSubscriptionsResult = { publishPlain: number; publishFiltered: number; deliverUnordered: number; deliverOrdered: number; keys: number };

const WEBHOOKS = 100;
const PUBLISHES = Number(process.env.BENCH_FILTER_EVENTS ?? 400);
const KEYS = 1_000;
const ORDERED_EVENTS = Number(process.env.BENCH_ORDERED_EVENTS ?? 5_000);
const FILTER = { "data.amount": { $gte: 0 }, event: { $in: ["deals.created", "deals.updated"] }, $not: { "data.flag": "skip" } };

export async function benchSubscriptions(pgServerUrl: string, receiver: TReceiver): Promise<TSubscriptionsResult> {
  const host = await startHost(pgServerUrl, "hookline_bench_subs");
  try {
    const { createWebhook } = await import("../../lib/server/webhooks/create-webhook");
    const { Prisma } = await import("../../lib/generated/prisma/client");
    const ctx = defaultWorkspaceContext(host.db.prisma);
    const publishRate = async (n: number) => {
      for (let i = 0; i < 5; i++) await host.post("/events", { event: "deals.created", data: { amount: i } }); // warm
      const t0 = wallNow();
      await inParallel(
        Array.from({ length: n }, (_, i) => i),
        16,
        (i) => host.post("/events", { event: "deals.created", data: { id: i, title: "A deal", amount: 1200 + i } }),
      );
      return n / ((wallNow() - t0) / 1000);
    };
    const ids: string[] = [];
    for (let i = 0; i < WEBHOOKS; i++) {
      const hook = await createWebhook(ctx, { url: `${receiver.url}/subs/${i}`, events: ["*"] });
      ids.push(hook.id);
    }
    await host.db.prisma.webhook.updateMany({ where: { id: { in: ids } }, data: { enabled: true } });
    // Side by side, twice each in turn (plain, filtered, plain, filtered): this machine's speed wanders.
    const plain: number[] = [];
    const filtered: number[] = [];
    for (let round = 0; round < 2; round++) {
      await host.db.prisma.webhook.updateMany({ where: { id: { in: ids } }, data: { filter: Prisma.DbNull } });
      plain.push(await publishRate(PUBLISHES));
      await host.db.prisma.webhook.updateMany({ where: { id: { in: ids } }, data: { filter: FILTER } });
      filtered.push(await publishRate(PUBLISHES));
    }
    await host.db.prisma.webhook.updateMany({ where: { id: { in: ids } }, data: { enabled: false, filter: Prisma.DbNull } });

    // Ordered beside unordered: the same events, published first, then one worker delivers them.
    const one = await createWebhook(ctx, { url: `${receiver.url}/ordered`, events: ["*"], maxInFlight: 1_000 });
    await host.db.prisma.webhook.update({ where: { id: one.id }, data: { enabled: true } });
    const deliverRate = async (isOrdered: boolean) => {
      await host.db.prisma.webhook.update({ where: { id: one.id }, data: { ordered: isOrdered, orderingKey: isOrdered ? "data.key" : null } });
      const events = Array.from({ length: ORDERED_EVENTS }, (_, i) => ({ event: "deals.created", data: { key: `k${i % KEYS}`, n: i } }));
      for (let i = 0; i < events.length; i += 500) await host.post("/events/batch", { events: events.slice(i, i + 500) });
      await receiver.reset();
      const t0 = wallNow();
      const worker = await host.startWorker();
      await receiver.waitFor(ORDERED_EVENTS, 600_000);
      const rate = ORDERED_EVENTS / ((wallNow() - t0) / 1000);
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
      return rate;
    };
    const deliverUnordered = await deliverRate(false);
    const deliverOrdered = await deliverRate(true);
    const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)] as number;
    return { publishPlain: median(plain), publishFiltered: median(filtered), deliverUnordered, deliverOrdered, keys: KEYS };
  } finally {
    await host.close();
  }
}

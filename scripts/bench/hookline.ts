// Hookline end to end, as it runs: publishEvent() → the outbox → a worker claims, signs, POSTs to the
// receiver process, records the attempt. Embedded: the worker in this process on PGlite. PostgreSQL:
// `scripts/worker.ts` processes (npm run worker), woken by LISTEN/NOTIFY.

import type { ChildProcess } from "node:child_process";
import type { Database } from "../../lib/db/open-database";
import { defaultWorkspaceContext } from "../../lib/db/workspace-context";
import { atRate, enabledWebhook, inParallel, percentile, sleep, startWorker, stopChild, type TReceiver, wallNow } from "./harness";
import { peakRssMb, rssMb } from "./proc";

const { installDatabase } = await import("../../lib/db");
const { deliveryConfig } = await import("../../lib/delivery/config");
const { publishEvent } = await import("../../lib/delivery/publish-event");
const { DeliveryWorker } = await import("../../lib/delivery/worker");

export type THooklineSetup = { db: Database; url?: string; workers: number; concurrency: number };
export type THooklineResult = {
  /** 1 webhook per event: with 8 publishes in flight, and with 32 (a busy host). */
  throughput1: { p8: number; p32: number };
  /** 10 webhooks per event, 32 publishes in flight. */
  throughput10: number;
  latency: { p50: number; p99: number; max: number; published: number };
  fanout100Ms: number;
  /** RSS of the worker process at the end of the run (MB; PostgreSQL only, where the worker is a process of its own). */
  workerRssMb: number | null;
  /** The most it had at any time during the run (VmHWM, MB). */
  workerPeakRssMb: number | null;
};

async function webhooks(db: Database, receiver: TReceiver, event: string, n: number) {
  // The in-flight limit at its maximum: these rows measure the engine, not the per-webhook limit.
  for (let i = 0; i < n; i++) await enabledWebhook(db, `${receiver.url}/${event}/${i}`, event, { maxInFlight: 1_000 });
}

function startWorkerProcesses(url: string, n: number, concurrency: number): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: n }, () => startWorker(url, { HOOKLINE_WORKER_CONCURRENCY: String(concurrency) })));
}

/** Publishes `events` events of `type`, `publishers` at a time; deliveries/s until every one is recorded. */
async function sustained(db: Database, receiver: TReceiver, type: string, events: number, fanout: number, publishers: number): Promise<number> {
  await receiver.reset();
  const t0 = wallNow();
  const since = new Date(t0 - 1);
  await inParallel(
    Array.from({ length: events }, (_, i) => i),
    publishers,
    async (i) => void (await publishEvent(defaultWorkspaceContext(db.prisma), { event: type, data: { i, title: "A deal of some size", amount: 1200 + i } })),
  );
  const total = events * fanout;
  await receiver.waitFor(total, 600_000);
  for (;;) {
    const done = await db.prisma.delivery.count({ where: { status: "succeeded", createdAt: { gte: since }, event: { type } } });
    if (done >= total) break;
    await sleep(50);
  }
  const last = await db.prisma.delivery.aggregate({ where: { createdAt: { gte: since }, event: { type } }, _max: { completedAt: true } });
  return total / (((last._max.completedAt?.getTime() ?? wallNow()) - t0) / 1000);
}

/** Open loop: one event every 1000/rate ms, whatever the previous publishes are doing. */
async function latencyAtRate(db: Database, receiver: TReceiver, type: string, rate: number, seconds: number) {
  await receiver.reset();
  const started = new Map<string, number>();
  const n = rate * seconds;
  await atRate(rate, n, async (i) => {
    const at = wallNow();
    started.set((await publishEvent(defaultWorkspaceContext(db.prisma), { event: type, data: { i } })).id, at);
  });
  await receiver.waitFor(n, 60_000);
  const arrivals = await receiver.take();
  const rows = await db.prisma.delivery.findMany({ where: { event: { type } }, select: { id: true, eventId: true } });
  const samples = rows.map((r) => (arrivals.get(r.id) ?? Number.NaN) - (started.get(r.eventId) ?? Number.NaN)).filter((x) => Number.isFinite(x));
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples), published: samples.length };
}

async function fanout(db: Database, receiver: TReceiver, type: string, n: number, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await receiver.reset();
    const t0 = wallNow();
    const { id } = await publishEvent(defaultWorkspaceContext(db.prisma), { event: type, data: { round: r } });
    await receiver.waitFor(n, 60_000);
    for (;;) {
      if ((await db.prisma.delivery.count({ where: { eventId: id, status: "succeeded" } })) === n) break;
      await sleep(5);
    }
    const last = await db.prisma.delivery.aggregate({ where: { eventId: id }, _max: { completedAt: true } });
    times.push((last._max.completedAt?.getTime() ?? wallNow()) - t0);
    await sleep(200);
  }
  return percentile(times, 50);
}

export async function benchHookline(setup: THooklineSetup, receiver: TReceiver, scale: { events: number }): Promise<THooklineResult> {
  installDatabase(setup.db);
  await webhooks(setup.db, receiver, "deals.created", 1);
  await webhooks(setup.db, receiver, "deals.updated", 10);
  await webhooks(setup.db, receiver, "deals.deleted", 100);
  let children: ChildProcess[] = [];
  let worker: InstanceType<typeof DeliveryWorker> | null = null;
  if (setup.url) children = await startWorkerProcesses(setup.url, setup.workers, setup.concurrency);
  else {
    worker = new DeliveryWorker({
      db: setup.db.prisma,
      config: { ...deliveryConfig(), concurrency: setup.concurrency },
      log: (m) => console.error(`[worker] ${m}`),
    });
    worker.start();
  }
  try {
    await sleep(300);
    // Each throughput figure is the median of three runs: this machine's speed wanders by ±20 %.
    const median3 = async (run: () => Promise<number>) => percentile([await run(), await run(), await run()], 50);
    const throughput1 = {
      p8: await median3(() => sustained(setup.db, receiver, "deals.created", scale.events, 1, 8)),
      p32: await median3(() => sustained(setup.db, receiver, "deals.created", scale.events, 1, 32)),
    };
    const throughput10 = await median3(() => sustained(setup.db, receiver, "deals.updated", Math.round(scale.events / 10), 10, 32));
    await sleep(500);
    const latency = await latencyAtRate(setup.db, receiver, "deals.created", 200, 10);
    const fanout100Ms = await fanout(setup.db, receiver, "deals.deleted", 100, 5);
    const most = (read: (pid: number) => number) => (children.length ? Math.max(...children.map((c) => read(c.pid as number))) : null);
    return { throughput1, throughput10, latency, fanout100Ms, workerRssMb: most(rssMb), workerPeakRssMb: most(peakRssMb) };
  } finally {
    await worker?.stop();
    await Promise.all(children.map(stopChild));
  }
}

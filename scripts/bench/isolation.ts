// Isolation: does one slow receiver hold up the others? Ten webhooks on one event type, published to
// over HTTP at a steady 40 events/s (each event fans out to all ten) and delivered by one
// `npm run worker` at its default concurrency. Run A: all ten answer at once. Run B: nine do, one
// answers in 4.5 s (under the 5 s deadline). Measured per delivery of the healthy webhooks: publish →
// receive, the publish's wall-clock time carried in the event data, the arrival noted by the receiver
// process. One database for both runs (and a warm-up), a fresh event type each.
import { atRate, enabledWebhook, percentile, startHost, type THost, type TReceiver, until, wallNow } from "./harness";

const RATE = 40;
const WEBHOOKS = 10;
/** How long the healthy deliveries may still take to arrive after the last publish. */
export const DRAIN_MS = 120_000;

export type TIsolationRun = { deliveries: number; missing: number; p50: number; p99: number };

async function run(host: THost, receiver: TReceiver, type: string, slowWebhooks: number, seconds: number): Promise<TIsolationRun> {
  const healthy: string[] = [];
  for (let i = 0; i < WEBHOOKS; i++) {
    const isSlow = i >= WEBHOOKS - slowWebhooks;
    const id = await enabledWebhook(host.db, `${receiver.url}/${isSlow ? "slow" : "isolation"}/${type}/${i}`, type);
    if (!isSlow) healthy.push(id);
  }
  await receiver.reset();
  const events = RATE * seconds;
  await atRate(RATE, events, (i) => host.post("/events", { event: type, data: { i, sentAt: wallNow() } }));
  // The receiver counts only what it answers at once: the healthy webhooks' deliveries.
  const expected = events * healthy.length;
  await until(async () => (await receiver.count()) >= expected, DRAIN_MS, 100);
  const arrivals = await receiver.take();
  const rows = await host.db.prisma.delivery.findMany({
    where: { webhookId: { in: healthy } },
    select: { id: true, event: { select: { payload: true } } },
  });
  const samples = rows.flatMap((r) => {
    const arrivedAt = arrivals.get(r.id);
    const sentAt = (r.event.payload as { sentAt?: unknown }).sentAt;
    return arrivedAt !== undefined && typeof sentAt === "number" ? [arrivedAt - sentAt] : [];
  });
  const missing = expected - samples.length;
  // A delivery still missing counts as never arriving, so a percentile it reaches is infinite, not flattered.
  const all = [...samples, ...Array<number>(Math.max(0, missing)).fill(Number.POSITIVE_INFINITY)];
  return { deliveries: samples.length, missing, p50: percentile(all, 50), p99: percentile(all, 99) };
}

export async function measureIsolation(pgServerUrl: string, receiver: TReceiver, seconds: number): Promise<{ a: TIsolationRun; b: TIsolationRun }> {
  const host = await startHost(pgServerUrl, "hookline_bench_isolation");
  try {
    await host.startWorker();
    // Discarded: the first seconds of a fresh app and worker (JIT, pools) are not what A is to measure.
    await run(host, receiver, "deals.deleted", 0, 2);
    const a = await run(host, receiver, "deals.created", 0, seconds);
    const b = await run(host, receiver, "deals.updated", 1, seconds);
    return { a, b };
  } finally {
    await host.close();
  }
}

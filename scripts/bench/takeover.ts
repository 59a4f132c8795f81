// Takeover: a worker SIGKILLed with 100 deliveries in flight. Worker A (`npm run worker`) sends the
// deliveries of 100 events to a receiver that holds every request open; worker B starts; the receiver
// turns to answering at once; A is SIGKILLed. Measured: from the kill until the database shows all
// 100 succeeded, which only B, alive, can have done.
import { enabledWebhook, startHost, type TReceiver, until, wallNow } from "./harness";

const EVENTS = 100;
// Leases of a minute, so that lease expiry cannot be what rescues the deliveries; attempts of 30 s, as
// the default 5 s would time A's held requests out (and schedule retries) before the kill; room for
// all 100 in one process, as the default 64 would leave B some to claim before the kill.
const WORKER_ENV = { HOOKLINE_LEASE_MS: "60000", HOOKLINE_TIMEOUT_MS: "30000", HOOKLINE_WORKER_CONCURRENCY: "128" };
/** How long A has to get its requests out, and how long B has to finish (past A's lease, to show the fallback). */
const HOLD_MS = 30_000;
export const FINISH_MS = 90_000;

export type TTakeoverResult = {
  /** Kill → all succeeded; NaN if they were not all succeeded within FINISH_MS. */
  tookMs: number;
  succeeded: number;
  /** Requests of A's held open at the receiver, and deliveries in flight, at the kill. */
  heldAtKill: number;
  inFlightAtKill: number;
  /** Deliveries already succeeded before the kill: 0, or the run proves nothing about B. */
  succeededBeforeKill: number;
};

export async function measureTakeover(pgServerUrl: string, receiver: TReceiver): Promise<TTakeoverResult> {
  const host = await startHost(pgServerUrl, "hookline_bench_takeover");
  try {
    const { prisma } = host.db;
    const count = (status: "in_flight" | "succeeded") => prisma.delivery.count({ where: { status } });
    // A cap above 100 (the default is 16): the row measures a worker dying with 100 in flight.
    await enabledWebhook(host.db, `${receiver.url}/takeover`, "deals.created", { maxInFlight: 1_000 });
    await receiver.hold(true);
    const a = await host.startWorker(WORKER_ENV);
    for (let i = 0; i < EVENTS; i++) await host.post("/events", { event: "deals.created", data: { i } });
    // A holds all 100 open at the receiver, or as many as something caps (its HTTP pool's connections
    // to one origin, a per-webhook in-flight cap): settled once neither count has moved for 2 s.
    let seen = "";
    let movedAt = wallNow();
    const isSettled = await until(
      async () => {
        const held = await receiver.held();
        const now = `${held} held, ${await count("in_flight")} in flight`;
        if (now !== seen) [seen, movedAt] = [now, wallNow()];
        return held >= EVENTS || (held > 0 && wallNow() - movedAt >= 2_000);
      },
      HOLD_MS,
      100,
    );
    if (!isSettled) throw new Error(`worker A did not settle in ${HOLD_MS} ms: ${seen}`);
    await host.startWorker(WORKER_ENV);
    const heldAtKill = await receiver.held();
    const inFlightAtKill = await count("in_flight");
    const succeededBeforeKill = await count("succeeded");
    await receiver.hold(false);
    const killedAt = wallNow();
    a.kill("SIGKILL");
    const isDone = await until(async () => (await count("succeeded")) >= EVENTS, FINISH_MS);
    const tookMs = isDone ? wallNow() - killedAt : Number.NaN;
    return { tookMs, succeeded: await count("succeeded"), heldAtKill, inFlightAtKill, succeededBeforeKill };
  } finally {
    await host.close();
  }
}

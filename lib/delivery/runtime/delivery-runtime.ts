import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { PrismaClient } from "../../db";
import type { TDeliveryConfig } from "../config";
import { startNotifier } from "../notices/notifier";
import { startProber } from "../recovery/probe-webhooks";
import { DeliveryWorker } from "../worker";
import { startHeartbeat, type TWorkerKind } from "./heartbeat";
import { listenForDeliveries } from "./listen-for-deliveries";
import { startReaper } from "./reaper";
import { wakeWorkers } from "./wakeup";
import { holdLiveness, LIVE_SUFFIX } from "./worker-liveness";

export type TRuntimeOptions = {
  db: PrismaClient;
  /** PostgreSQL's URL, for the connections of its own that the runtime keeps; null: the embedded database. */
  databaseUrl: string | null;
  config: TDeliveryConfig;
  log: (message: string) => void;
  /** Where it runs, for the overview's list of workers (its heartbeat). */
  kind: TWorkerKind;
};

export type TDeliveryRuntime = {
  worker: DeliveryWorker;
  /**
   * Stops claiming, lets attempts in flight finish for up to `graceMs`, hands back the rest for
   * another worker (DeliveryWorker.stop, logged when there were any), then closes the runtime's
   * connections. Resolves with how many deliveries were handed back.
   */
  stop: (graceMs: number) => Promise<number>;
};

/**
 * The delivery runtime of a process, the same for the app's own worker and `npm run worker`, so
 * that both behave alike. On PostgreSQL, where other processes deliver too: LISTEN for their
 * publishes; hold a liveness lock, since a worker claims only while it holds it; and reap, taking
 * over within seconds the deliveries of a worker whose lock fell free (it died), instead of when
 * their leases expire. On the embedded database this process is the only one: whatever was left in
 * flight belongs to an earlier run that is gone (the data directory's lock says so), so its leases
 * end now and are sent again at once.
 */
export async function startDeliveryRuntime({ db, databaseUrl, config, log, kind }: TRuntimeOptions): Promise<TDeliveryRuntime> {
  const stopWorker = async (worker: DeliveryWorker, graceMs: number) => {
    const handedBack = await worker.stop(graceMs);
    if (handedBack > 0) log(`handed back ${handedBack} deliveries still in flight after the grace, for another worker`);
    return handedBack;
  };
  // Beside the worker on either database: its heartbeat (the overview), notices, recovery probes.
  // The returned stop ends them in the reverse order.
  const startBeside = async (worker: DeliveryWorker) => {
    const stopHeartbeat = await startHeartbeat({ db, owner: worker.owner, kind, inFlight: () => worker.inFlightCount, log });
    const stopNotifier = startNotifier({ db, log });
    const stopProber = startProber({ db, log });
    return async () => {
      await stopProber();
      await stopNotifier();
      await stopHeartbeat();
    };
  };
  if (!databaseUrl) {
    const expired = await db.delivery.updateMany({ where: { status: "in_flight" }, data: { leaseExpiresAt: new Date(0) } });
    if (expired.count > 0) log(`sending again ${expired.count} deliveries left in flight by the last run`);
    const worker = new DeliveryWorker({ db, config, log });
    worker.start();
    const stopBeside = await startBeside(worker);
    return {
      worker,
      stop: async (graceMs) => {
        const handedBack = await stopWorker(worker, graceMs);
        await stopBeside();
        return handedBack;
      },
    };
  }
  const stopListening = await listenForDeliveries(databaseUrl, log);
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}${LIVE_SUFFIX}`;
  const liveness = await holdLiveness(databaseUrl, owner, { log, onHeld: wakeWorkers });
  const worker = new DeliveryWorker({ db, config, owner, log, isLive: liveness.isHeld });
  worker.start();
  const stopReaper = startReaper({ db, liveness, log, onTakenOver: wakeWorkers });
  const stopBeside = await startBeside(worker);
  return {
    worker,
    stop: async (graceMs) => {
      await stopReaper();
      const handedBack = await stopWorker(worker, graceMs);
      await stopBeside();
      await stopListening();
      await liveness.stop();
      return handedBack;
    },
  };
}

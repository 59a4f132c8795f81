// npm run worker — a standalone delivery worker against PostgreSQL (DATABASE_URL). Run any number at
// once, on any number of machines. SIGTERM/SIGINT: stop claiming, finish in-flight attempts, exit.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { ConfigError } from "../lib/config/env-schema";
import { closeDb, openDb } from "../lib/db";
import { deliveryConfig } from "../lib/delivery/config";
import { listenForDeliveries } from "../lib/delivery/runtime/listen-for-deliveries";
import { startReaper } from "../lib/delivery/runtime/reaper";
import { wakeWorkers } from "../lib/delivery/runtime/wakeup";
import { holdLiveness, LIVE_SUFFIX } from "../lib/delivery/runtime/worker-liveness";
import { DeliveryWorker } from "../lib/delivery/worker";
import { env } from "../lib/env";

async function main(): Promise<void> {
  const e = env();
  if (!e.DATABASE_URL) {
    console.error(
      "[hookline worker] npm run worker needs DATABASE_URL (PostgreSQL): the embedded database belongs to the app process, whose own worker delivers.",
    );
    process.exit(1);
  }
  const db = await openDb();
  const log = (m: string) => console.error(`[hookline worker] ${m}`);
  const stopListening = await listenForDeliveries(e.DATABASE_URL, log);
  // Fast takeover (lib/delivery/runtime/worker-liveness.ts): claim only while holding our liveness lock,
  // and take over dead workers' deliveries within seconds instead of when their leases expire.
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}${LIVE_SUFFIX}`;
  const liveness = await holdLiveness(e.DATABASE_URL, owner, { log, onHeld: wakeWorkers });
  const worker = new DeliveryWorker({ db: db.prisma, config: deliveryConfig(), owner, log, isLive: liveness.isHeld });
  worker.start();
  const stopReaper = startReaper({ db: db.prisma, liveness, log, onTakenOver: wakeWorkers });
  console.log(`[hookline worker] ${worker.owner} delivering (up to ${deliveryConfig().concurrency} at once)`);
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`[hookline worker] ${signal}: finishing ${worker.inFlightCount} in-flight deliveries`);
    await stopReaper();
    await worker.stop();
    await stopListening();
    await liveness.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: Error) => {
  console.error(`[hookline worker] ${error instanceof ConfigError ? error.message : `cannot start: ${error.message}`}`);
  process.exit(1);
});

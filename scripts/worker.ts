// npm run worker — a standalone delivery worker against PostgreSQL (DATABASE_URL). Run any number at
// once, on any number of machines. SIGTERM/SIGINT: stop claiming, finish in-flight attempts within
// HOOKLINE_SHUTDOWN_GRACE_MS, hand back the rest, exit 0; a second signal exits at once.
import "../lib/v8-settings"; // first: before any WebAssembly is compiled
import { serveMetrics } from "../lib/api/metrics-server";
import { ConfigError } from "../lib/config/env-schema";
import { closeDb, openDb } from "../lib/db";
import { deliveryConfig } from "../lib/delivery/config";
import { startDeliveryRuntime } from "../lib/delivery/runtime/delivery-runtime";
import { env } from "../lib/env";
import { handleStopSignals } from "../lib/stop-signals";

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
  // The same runtime as the app's own worker (LISTEN, liveness lock, reaper): lib/delivery/runtime/delivery-runtime.ts.
  const runtime = await startDeliveryRuntime({ db: db.prisma, databaseUrl: e.DATABASE_URL, config: deliveryConfig(), log, kind: "worker" });
  const metrics =
    e.HOOKLINE_METRICS_PORT && e.HOOKLINE_METRICS_TOKEN ? await serveMetrics(e.HOOKLINE_METRICS_PORT, e.HOOKLINE_METRICS_HOST, async () => db.prisma) : null;
  if (metrics) console.log(`[hookline worker] metrics at http://${e.HOOKLINE_METRICS_HOST}:${metrics.port}/metrics`);
  else if (e.HOOKLINE_METRICS_PORT) log("HOOKLINE_METRICS_PORT is set but HOOKLINE_METRICS_TOKEN is not: metrics stay off");
  console.log(`[hookline worker] ${runtime.worker.owner} delivering (up to ${deliveryConfig().concurrency} at once)`);
  handleStopSignals("hookline worker", async (signal) => {
    console.log(
      `[hookline worker] ${signal}: finishing ${runtime.worker.inFlightCount} in-flight deliveries (at most ${e.HOOKLINE_SHUTDOWN_GRACE_MS / 1000} s)`,
    );
    await runtime.stop(e.HOOKLINE_SHUTDOWN_GRACE_MS);
    await metrics?.close();
    await closeDb();
  });
}

main().catch((error: Error) => {
  console.error(`[hookline worker] ${error instanceof ConfigError ? error.message : `cannot start: ${error.message}`}`);
  process.exit(1);
});

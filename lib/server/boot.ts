import "server-only";
import { ConfigError } from "../config/env-schema";
import { closeDb, openDb } from "../db";
import { deliveryConfig } from "../delivery/config";
import { listenForDeliveries } from "../delivery/runtime/listen-for-deliveries";
import { DeliveryWorker } from "../delivery/worker";
import { env } from "../env";
import { instanceSecrets } from "../instance-secrets";
import { reportBootReady, reportBootStarted } from "./boot-gate";
import { ensureFirstAdmin, type TFirstAdmin } from "./users/ensure-first-admin";

export function signInHint(first: TFirstAdmin, baseUrl: string): string {
  const url = `${baseUrl}/signin`;
  switch (first.kind) {
    case "created-from-env":
      return `Created the first admin ${first.email}. Sign in at ${url} with ADMIN_EMAIL / ADMIN_PASSWORD.`;
    case "created-generated":
      return `Created the first admin. Sign in at ${url} as ${first.email} with the password in ${first.passwordFile} (change the admin with: npm run cli -- user --help).`;
    case "none":
      return `No users yet. Set ADMIN_EMAIL and ADMIN_PASSWORD and restart, or run: npm run cli -- user create --admin --email you@example.com`;
    case "exists":
      return `Sign in at ${url}.`;
  }
}

/**
 * Runs once per server process (instrumentation.ts): opens and migrates the database, makes the
 * secrets and the first admin, and says how to sign in. A failure stops the process with one line.
 */
export async function boot(): Promise<void> {
  reportBootStarted();
  let worker: DeliveryWorker | null = null;
  let stopListening: (() => Promise<void>) | null = null;
  try {
    const e = env();
    instanceSecrets();
    const db = await openDb();
    if (db.applied.length) console.log(`[hookline] Applied migrations: ${db.applied.join(", ")}`);
    const first = await ensureFirstAdmin({
      adminEmail: e.ADMIN_EMAIL,
      adminPassword: e.ADMIN_PASSWORD,
      dataDir: e.DATABASE_URL ? null : e.HOOKLINE_DATA_DIR,
    });
    const where = e.DATABASE_URL ? "PostgreSQL" : `the embedded database in ${e.HOOKLINE_DATA_DIR}`;
    if (e.HOOKLINE_WORKER === "embedded") {
      worker = new DeliveryWorker({ db: db.prisma, config: deliveryConfig() });
      worker.start();
      // Idle workers sleep until something is due: on a shared PostgreSQL, hear other processes'
      // publishes, replays and enables too (the embedded database has only this process).
      if (e.DATABASE_URL) stopListening = await listenForDeliveries(e.DATABASE_URL, (m) => console.error(`[hookline] ${m}`));
    }
    console.log(`[hookline] Ready on ${where}. ${signInHint(first, e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`)}`);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Hookline cannot start: ${(error as Error).message}`;
    console.error(`[hookline] ${message}`);
    await closeDb().catch(() => {});
    process.exit(1);
  }
  // Clean stop: the worker finishes its attempts, then the embedded database is closed (checkpoint,
  // lock file). Under scripts/serve.ts the server owns the signals and calls this after it has
  // drained its requests; under `next dev` nobody does, so we listen ourselves.
  const holder = globalThis as typeof globalThis & { __hooklineOwnsSignals?: boolean; __hooklineShutdown?: () => Promise<void> };
  holder.__hooklineShutdown = async () => {
    await worker?.stop();
    await stopListening?.();
    await closeDb();
  };
  reportBootReady(); // scripts/serve.ts listens only now
  if (holder.__hooklineOwnsSignals) return;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void holder.__hooklineShutdown?.().finally(() => process.exit(0));
    });
  }
}

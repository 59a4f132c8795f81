import "server-only";
import { ConfigError } from "../config/env-schema";
import { closeDb, openDb } from "../db";
import { deliveryConfig } from "../delivery/config";
import { startDeliveryRuntime, type TDeliveryRuntime } from "../delivery/runtime/delivery-runtime";
import { env } from "../env";
import { instanceSecrets } from "../instance-secrets";
import { processGlobals } from "../process-globals";
import { handleStopSignals } from "../stop-signals";
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

/** How often the embedded server checks that its data directory is still there and its own. */
export const DATA_DIR_CHECK_MS = 1_000;

/**
 * A server whose data directory was deleted or taken away stops at once, with one line and exit 1:
 * otherwise it would go on answering 202 for publishes written to deleted files, gone at the next
 * start. No clean-up: closing the database would write into the same lost files.
 */
function watchDataDir(lostReason: () => string | null): () => void {
  const timer = setInterval(() => {
    const reason = lostReason();
    if (!reason) return;
    clearInterval(timer);
    console.error(`[hookline] Stopping: the embedded database's data directory is lost: ${reason}.`);
    process.exit(1);
  }, DATA_DIR_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs once per server process (instrumentation.ts): opens and migrates the database, makes the
 * secrets and the first admin, and says how to sign in. A failure stops the process with one line.
 */
export async function boot(): Promise<void> {
  reportBootStarted();
  let runtime: TDeliveryRuntime | null = null;
  let stopWatching = () => {};
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
    if (db.lostReason) stopWatching = watchDataDir(db.lostReason);
    // The app's own worker, on either database (lib/delivery/runtime/delivery-runtime.ts).
    if (e.HOOKLINE_WORKER === "embedded") {
      const log = (m: string) => console.error(`[hookline] ${m}`);
      runtime = await startDeliveryRuntime({ db: db.prisma, databaseUrl: e.DATABASE_URL ?? null, config: deliveryConfig(), log, kind: "app" });
    }
    console.log(`[hookline] Ready on ${where}. ${signInHint(first, e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`)}`);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Hookline cannot start: ${(error as Error).message}`;
    console.error(`[hookline] ${message}`);
    await closeDb().catch(() => {});
    process.exit(1);
  }
  // Clean stop: the worker finishes its attempts (within the grace), then the database is closed
  // (checkpoint, lock file). Under scripts/serve.ts the server owns the signals and calls this after
  // it has drained its requests; under `next dev` nobody does, so we listen ourselves.
  const globals = processGlobals();
  globals.shutdown = async (graceMs) => {
    stopWatching();
    await runtime?.stop(graceMs);
    await closeDb();
  };
  reportBootReady(); // scripts/serve.ts listens only now
  if (globals.ownsSignals) return;
  handleStopSignals("hookline", () => globals.shutdown?.(env().HOOKLINE_SHUTDOWN_GRACE_MS) ?? Promise.resolve());
}

// The production server (scripts/serve.ts) listens only once boot() (./boot.ts) has opened the
// database: otherwise a second instance on a data directory in use printed "Listening" and only then
// failed. Next 16 does not await instrumentation's register() in app.prepare() for a production
// custom server (NextServer.prepare skips server.prepare() unless dev; the NextNodeServer constructor
// only fires it), so boot() reports here instead. serve.ts and boot() (Next's bundle) load two copies
// of this module: the state is process-wide (lib/process-globals.ts).
import { processGlobals, type TBootGate } from "../process-globals";

function gate(): TBootGate {
  const globals = processGlobals();
  if (!globals.bootGate) {
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    globals.bootGate = { isStarted: false, isReady: false, ready, markReady };
  }
  return globals.bootGate;
}

export function reportBootStarted(): void {
  gate().isStarted = true;
}

/** The database is open and migrated: the server may take requests. */
export function reportBootReady(): void {
  const g = gate();
  g.isStarted = true;
  g.isReady = true;
  g.markReady();
}

/** Whether boot() has opened (and migrated) the database in this process. */
export function isBootReady(): boolean {
  return gate().isReady;
}

/**
 * Resolves once boot() has reported ready; a refused boot exits the process instead. Rejects only
 * when boot() has not even started within `startTimeoutMs` (no limit once started: migrations may
 * take their time).
 */
export async function waitForBoot(startTimeoutMs: number): Promise<void> {
  const g = gate();
  let timer: NodeJS.Timeout | undefined;
  const neverStarted = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (!g.isStarted)
        reject(new Error(`The app did not open its database: boot() did not start within ${startTimeoutMs / 1000} s (is instrumentation.ts in the build?)`));
    }, startTimeoutMs);
  });
  try {
    await Promise.race([g.ready, neverStarted]);
  } finally {
    clearTimeout(timer);
  }
}

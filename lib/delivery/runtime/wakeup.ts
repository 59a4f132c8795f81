import "server-only";
import { EventEmitter } from "node:events";
import type { PrismaClient } from "../../db";
import { processGlobals } from "../../process-globals";

// In-process wake-up: publishEvent() rings it after its transaction commits, so an idle embedded
// worker starts within milliseconds instead of at its next poll. Standalone workers on PostgreSQL
// hear the same through LISTEN/NOTIFY (NOTIFY_CHANNEL), sent inside the publish transaction.

export const NOTIFY_CHANNEL = "hookline_deliveries";

export function wakeups(): EventEmitter {
  const globals = processGlobals();
  globals.wakeups ??= new EventEmitter().setMaxListeners(100);
  return globals.wakeups;
}

export function wakeWorkers(): void {
  wakeups().emit("wake");
}

/**
 * For changes that make deliveries due other than by publishing (a replay, enabling a webhook with
 * parked deliveries): wakes this process's worker and, through NOTIFY, every other process's.
 */
export async function notifyWorkers(db: PrismaClient): Promise<void> {
  wakeWorkers();
  await db.$executeRaw`select pg_notify(${NOTIFY_CHANNEL}, '')`;
}

import "server-only";
import { EventEmitter } from "node:events";

// In-process wake-up: publishEvent() rings it after its transaction commits, so an idle embedded
// worker starts within milliseconds instead of at its next poll. Standalone workers on PostgreSQL
// hear the same through LISTEN/NOTIFY (NOTIFY_CHANNEL), sent inside the publish transaction.

export const NOTIFY_CHANNEL = "hookline_deliveries";

const holder = globalThis as typeof globalThis & { __hooklineWakeups?: EventEmitter };
export function wakeups(): EventEmitter {
  holder.__hooklineWakeups ??= new EventEmitter().setMaxListeners(100);
  return holder.__hooklineWakeups;
}

export function wakeWorkers(): void {
  wakeups().emit("wake");
}

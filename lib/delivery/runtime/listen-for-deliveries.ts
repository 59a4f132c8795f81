import "server-only";
import { keepConnected } from "../../db/persistent-connection";
import { NOTIFY_CHANNEL, wakeWorkers } from "./wakeup";

type TListenOptions = { log: (m: string) => void; onConnected?: () => void };

/**
 * Standalone workers and app processes on PostgreSQL: LISTEN for publishes, replays and enables made
 * by other processes and wake the local worker. One connection per process whatever drops it
 * (lib/db/persistent-connection.ts); every (re)connect wakes the worker once for anything
 * published meanwhile, and the worker's own due-time wake-ups cover the gap.
 */
export function listenForDeliveries(url: string, logOrOptions: ((m: string) => void) | TListenOptions): Promise<() => Promise<void>> {
  const { log, onConnected } = typeof logOrOptions === "function" ? { log: logOrOptions, onConnected: undefined } : logOrOptions;
  return keepConnected(url, {
    what: "LISTEN",
    log,
    setUp: async (client) => {
      client.on("notification", () => wakeWorkers());
      await client.query(`listen ${NOTIFY_CHANNEL}`);
    },
    onConnected: () => {
      wakeWorkers();
      onConnected?.();
    },
  });
}

import "server-only";
import pg from "pg";
import { NOTIFY_CHANNEL, wakeWorkers } from "./wakeup";

/** Reconnect delays: doubling from the first to the cap, so a long outage costs one try per cap. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 10_000;

export function reconnectDelayMs(failedTries: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, failedTries));
}

type TListenOptions = { log: (m: string) => void; onConnected?: () => void };

/**
 * Standalone workers on PostgreSQL: LISTEN for publishes made by other processes and wake the local
 * worker. Exactly one connection per process at any time: a drop (pg may report it twice, as an
 * `error` and an `end`) schedules one reconnect, and a reconnect that fails while the database is
 * still down schedules the next one, backing off to RECONNECT_MAX_MS. The worker's polling covers
 * the gap, and every (re)connect wakes the worker once for anything published meanwhile.
 */
export async function listenForDeliveries(url: string, logOrOptions: ((m: string) => void) | TListenOptions): Promise<() => Promise<void>> {
  const { log, onConnected } = typeof logOrOptions === "function" ? { log: logOrOptions, onConnected: undefined } : logOrOptions;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failedTries = 0;
  let isClosed = false;

  const scheduleReconnect = () => {
    if (isClosed || timer) return;
    const delay = reconnectDelayMs(failedTries);
    failedTries += 1;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
  };

  const connect = async (): Promise<void> => {
    if (isClosed || client) return;
    // keepAlive: this connection never writes, so a host that vanishes without a reset is noticed
    // only by TCP keepalive; connectionTimeoutMillis: a reconnect to a host that does not answer gives up.
    const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = c;
    let isDropped = false;
    const drop = (why: string) => {
      if (isDropped) return;
      isDropped = true;
      if (client === c) client = null;
      c.removeAllListeners("notification");
      void c.end().catch(() => {});
      if (!isClosed) {
        log(`LISTEN connection lost (${why}); reconnecting`);
        scheduleReconnect();
      }
    };
    c.on("notification", () => wakeWorkers());
    c.on("error", (error) => drop(error.message));
    c.on("end", () => drop("connection ended"));
    try {
      await c.connect();
      await c.query(`listen ${NOTIFY_CHANNEL}`);
    } catch (error) {
      drop((error as Error).message);
      return;
    }
    if (isDropped) return;
    if (isClosed) {
      await c.end().catch(() => {});
      return;
    }
    if (failedTries > 0) log("LISTEN connection restored");
    failedTries = 0;
    wakeWorkers();
    onConnected?.();
  };

  await connect();
  return async () => {
    isClosed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

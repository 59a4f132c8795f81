import "server-only";
import pg from "pg";

/** Reconnect delays: doubling from the first to the cap, so a long outage costs one try per cap. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 10_000;

export function reconnectDelayMs(failedTries: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, failedTries));
}

type TPersistentOptions = {
  /** Runs on each new connection (LISTEN, take a lock); a throw counts as a failed connect. */
  setUp: (client: pg.Client) => Promise<void>;
  /** Called after each successful (re)connect, with whether it was a reconnect. */
  onConnected?: (isReconnect: boolean) => void;
  /** Called whenever the connection drops or a try to connect fails (each time). */
  onLost?: () => void;
  /** Cap on the wait between tries (default RECONNECT_MAX_MS). */
  maxDelayMs?: number;
  log: (m: string) => void;
  /** Names the connection in log lines ("LISTEN", "liveness"). */
  what: string;
};

/**
 * One PostgreSQL session kept open for a process, whatever drops it: exactly one client at any time
 * (pg may report a drop twice, as `error` and `end`; one reconnect is scheduled), and a reconnect that
 * fails while the database is still down schedules the next, backing off to RECONNECT_MAX_MS. TCP
 * keepalive, because these sessions rarely write, so a vanished host is otherwise never noticed.
 * Resolves after the first try (connected or not); the returned stop closes it for good.
 */
export async function keepConnected(url: string, { setUp, onConnected, onLost, maxDelayMs, log, what }: TPersistentOptions): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failedTries = 0;
  let hasConnected = false;
  let isClosed = false;

  const scheduleReconnect = () => {
    if (isClosed || timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        void connect();
      },
      Math.min(maxDelayMs ?? RECONNECT_MAX_MS, reconnectDelayMs(failedTries++)),
    );
    timer.unref();
  };

  const connect = async (): Promise<void> => {
    if (isClosed || client) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = c;
    let isDropped = false;
    const drop = (why: string) => {
      if (isDropped) return;
      isDropped = true;
      if (client === c) client = null;
      c.removeAllListeners("notification");
      void c.end().catch(() => {});
      if (isClosed) return;
      onLost?.();
      log(`${what} connection lost (${why}); reconnecting`);
      scheduleReconnect();
    };
    c.on("error", (error) => drop(error.message));
    c.on("end", () => drop("connection ended"));
    try {
      await c.connect();
      await setUp(c);
    } catch (error) {
      drop((error as Error).message);
      return;
    }
    if (isDropped) return;
    if (isClosed) {
      await c.end().catch(() => {});
      return;
    }
    if (failedTries > 0) log(`${what} connection restored`);
    failedTries = 0;
    onConnected?.(hasConnected);
    hasConnected = true;
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

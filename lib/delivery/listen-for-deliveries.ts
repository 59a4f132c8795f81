import "server-only";
import pg from "pg";
import { NOTIFY_CHANNEL, wakeWorkers } from "./wakeup";

/**
 * Standalone workers on PostgreSQL: LISTEN for publishes made by other processes and wake the local
 * worker. A dropped connection is re-opened; polling covers the gap.
 */
export async function listenForDeliveries(url: string, log: (m: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let isClosed = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", () => wakeWorkers());
    c.on("error", (error) => {
      log(`LISTEN connection lost (${error.message}); reconnecting`);
      client = null;
      if (!isClosed) setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await c.connect();
    await c.query(`listen ${NOTIFY_CHANNEL}`);
    client = c;
  };
  await connect();
  return async () => {
    isClosed = true;
    await client?.end().catch(() => {});
  };
}

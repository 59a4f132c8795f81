import pg from "pg";
import { describe, expect, it } from "vitest";
import { listenForDeliveries } from "@/lib/delivery/runtime/listen-for-deliveries";
import { NOTIFY_CHANNEL, wakeups, wakeWorkers } from "@/lib/delivery/runtime/wakeup";
import { TEST_DATABASES, type TestPostgres } from "../../../helpers/databases";

const nextWake = (timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    wakeups().once("wake", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe("wake-ups", () => {
  it("wakeWorkers() reaches every listener in the process", async () => {
    const woken = nextWake(1_000);
    wakeWorkers();
    expect(await woken).toBe(true);
  });

  const postgres = TEST_DATABASES.find((d) => d.name === "postgres");
  it.skipIf(!postgres)("a NOTIFY from another connection wakes this process's workers; after stop, none does", async () => {
    const db = (await postgres?.open()) as TestPostgres;
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      const stop = await listenForDeliveries(db.url, () => {});
      const woken = nextWake(5_000);
      await other.query(`select pg_notify('${NOTIFY_CHANNEL}', '')`);
      expect(await woken).toBe(true);
      await stop();
      const after = nextWake(500);
      await other.query(`select pg_notify('${NOTIFY_CHANNEL}', '')`);
      expect(await after).toBe(false);
    } finally {
      await other.end();
      await db.close();
    }
  });
});

import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import { describe, expect, it } from "vitest";
import { listenForDeliveries } from "@/lib/delivery/runtime/listen-for-deliveries";
import { NOTIFY_CHANNEL, wakeups } from "@/lib/delivery/runtime/wakeup";
import { TEST_DATABASES, type TestPostgres } from "../../../helpers/databases";
import { relayTo } from "../../../helpers/tcp-relay";

const nextWake = (timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    const onWake = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      wakeups().off("wake", onWake);
      resolve(false);
    }, timeoutMs);
    wakeups().once("wake", onWake);
  });

async function until<T>(probe: () => Promise<T>, isDone: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (isDone(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("listenForDeliveries", () => {
  const postgres = TEST_DATABASES.find((d) => d.name === "postgres");
  it.skipIf(!postgres)("keeps exactly one LISTEN connection through repeated kills, and a NOTIFY after the last is heard within a second", async () => {
    const db = (await postgres?.open()) as TestPostgres;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const listeners = async () =>
      (
        await admin.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()",
        )
      ).rows.map((r) => r.pid);
    const stop = await listenForDeliveries(db.url, () => {});
    try {
      let pids = await until(listeners, (p) => p.length === 1);
      expect(pids).toHaveLength(1);
      for (let kill = 0; kill < 6; kill += 1) {
        const old = pids[0];
        await admin.query("select pg_terminate_backend($1)", [old]);
        pids = await until(listeners, (p) => p.length === 1 && p[0] !== old);
        expect(pids).toHaveLength(1);
        expect(pids[0]).not.toBe(old);
      }
      // Settled: no second connection appears later either.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await listeners()).toHaveLength(1);
      const woken = nextWake(1_000);
      await admin.query(`select pg_notify('${NOTIFY_CHANNEL}', '')`);
      expect(await woken).toBe(true);
    } finally {
      await stop();
      await admin.end();
      await db.close();
    }
  });

  it.skipIf(!postgres)("retries while the database is unreachable and reconnects once it is back", async (ctx) => {
    const db = (await postgres?.open()) as TestPostgres;
    const { host, port } = parsePgUrl(db.url);
    if (host?.startsWith("/")) {
      await db.close();
      ctx.skip(); // a socket URL: the relay needs TCP
    }
    const relay = await relayTo(Number(port || 5432));
    const viaRelay = db.url.replace(/@[^/]+\//, `@127.0.0.1:${relay.port}/`);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const count = async () =>
      Number(
        (await admin.query("select count(*) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()"))
          .rows[0].count,
      );
    let connects = 0;
    const stop = await listenForDeliveries(viaRelay, { log: () => {}, onConnected: () => (connects += 1) });
    try {
      expect(connects).toBe(1);
      await relay.down(); // the connection drops and every reconnect is refused
      await new Promise((r) => setTimeout(r, 1_200)); // several failed tries (250, 500 ms ...)
      expect(connects).toBe(1);
      await relay.up();
      await until(
        async () => connects,
        (n) => n === 2,
        10_000,
      );
      expect(connects).toBe(2);
      expect(await until(count, (n) => n === 1)).toBe(1);
      const woken = nextWake(1_000);
      await admin.query(`select pg_notify('${NOTIFY_CHANNEL}', '')`);
      expect(await woken).toBe(true);
    } finally {
      await stop();
      await relay.down();
      await admin.end();
      await db.close();
    }
  });
});

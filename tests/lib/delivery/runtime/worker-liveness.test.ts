import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import { describe, expect, it } from "vitest";
import { holdLiveness, LIVE_SUFFIX, LIVENESS_LOCK_CLASS } from "@/lib/delivery/runtime/worker-liveness";
import { TEST_DATABASES, type TestPostgres } from "../../../helpers/databases";
import { relayTo } from "../../../helpers/tcp-relay";

const postgres = TEST_DATABASES.find((d) => d.name === "postgres");

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!postgres)("worker liveness on PostgreSQL", () => {
  it("holds its lock, knows when it lost it, and takes it again on a new session (a new epoch)", { timeout: 30_000 }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const owner = `w${LIVE_SUFFIX}`;
    // Only this database's liveness locks: other test files share the server (and its migration lock).
    const ours = `locktype = 'advisory' and classid = ${LIVENESS_LOCK_CLASS} and database = (select oid from pg_database where datname = current_database())`;
    const holders = async () => (await admin.query(`select pid from pg_locks where ${ours} and granted`)).rows.map((r) => r.pid as number);
    let helds = 0;
    const liveness = await holdLiveness(db.url, owner, { log: () => {}, onHeld: () => helds++ });
    try {
      expect(liveness).toMatchObject({ owner });
      expect([liveness.isHeld(), liveness.epoch(), helds]).toEqual([true, 1, 1]);
      const [first] = await holders();

      await admin.query(`select pg_terminate_backend(pid) from pg_locks where ${ours}`);
      await until(() => !liveness.isHeld(), "the drop to be noticed");
      await until(() => liveness.isHeld(), "the lock to be taken again");
      expect([liveness.epoch(), helds]).toEqual([2, 2]);
      const [second] = await holders();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
    } finally {
      await liveness.stop();
      await admin.end();
      await db.close();
    }
  });

  it("while its old session still holds the lock (the server has not found it dead), counts as held and queues to take it over", {
    timeout: 30_000,
  }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    const relay = await relayTo(Number(parsePgUrl(db.url).port || 5432));
    const viaRelay = db.url.replace(/@[^/]+\//, `@127.0.0.1:${relay.port}/`);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const locks = async (isGranted: boolean) =>
      (
        await admin.query(
          `select pid from pg_locks where locktype = 'advisory' and classid = $1 and granted = $2
             and database = (select oid from pg_database where datname = current_database())`,
          [LIVENESS_LOCK_CLASS, isGranted],
        )
      ).rows.map((r) => r.pid as number);
    const liveness = await holdLiveness(viaRelay, `w${LIVE_SUFFIX}`, { log: () => {} });
    try {
      const [old] = await locks(true);
      relay.dropClients(); // the worker's side is gone; the server's session, and its lock, are not
      await until(async () => (await locks(false)).length === 1, "the new session to queue for the lock");
      expect(await locks(true)).toEqual([old]);
      // The old session still vouches for the worker, so no reaper takes its leases: it may go on.
      expect(liveness.isHeld()).toBe(true);
      relay.dropOrphans();
      await until(async () => (await locks(false)).length === 0 && (await locks(true)).length === 1, "the new session to take the lock");
      expect(await locks(true)).not.toEqual([old]);
      expect(liveness.isHeld()).toBe(true);
    } finally {
      await liveness.stop();
      await relay.down();
      await admin.end();
      await db.close();
    }
  });
});

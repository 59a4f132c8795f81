import pg from "pg";
import { describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db";
import { holdLiveness, LIVE_SUFFIX, LIVENESS_LOCK_CLASS, reapDeadLeases } from "@/lib/delivery/runtime/worker-liveness";
import { TEST_DATABASES, type TestPostgres } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const postgres = TEST_DATABASES.find((d) => d.name === "postgres");

describe.skipIf(!postgres)("worker liveness on PostgreSQL", () => {
  it("reaps only live-marked leases whose owner's lock is gone, and a held lock survives a dropped connection", { timeout: 30_000 }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    installDatabase(db);
    const stops: (() => Promise<void>)[] = [];
    try {
      const hook = await enabledWebhook("http://127.0.0.1:9/x");
      const lease = new Date(Date.now() + 60_000);
      const make = async (owner: string) => {
        const { id: eventId } = await db.prisma.event.create({ data: { type: "deals.created", payload: {} } });
        return (await db.prisma.delivery.create({ data: { webhookId: hook.id, eventId, status: "in_flight", leaseOwner: owner, leaseExpiresAt: lease } })).id;
      };
      const alive = `alive${LIVE_SUFFIX}`;
      const dead = `dead${LIVE_SUFFIX}`;
      stops.push(await holdLiveness(db.url, alive, () => {}));
      const ids = { alive: await make(alive), dead: await make(dead), unmarked: await make("embedded-worker") };
      expect(await reapDeadLeases(db.prisma)).toBe(1);
      const after = async (id: string) => (await db.prisma.delivery.findUniqueOrThrow({ where: { id } })).leaseExpiresAt?.getTime();
      expect(await after(ids.dead)).toBeLessThan(Date.now());
      expect(await after(ids.alive)).toBe(lease.getTime());
      expect(await after(ids.unmarked)).toBe(lease.getTime()); // no mark: only its lease can free it
      expect(await reapDeadLeases(db.prisma)).toBe(0); // already claimable: not counted again

      // The live worker's lock connection is cut: it takes the lock again, and stays alive.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      // Only this database's liveness locks: other test files share the server (and its migration lock).
      const ours = `locktype = 'advisory' and classid = ${LIVENESS_LOCK_CLASS} and database = (select oid from pg_database where datname = current_database())`;
      await admin.query(`select pg_terminate_backend(pid) from pg_locks where ${ours}`);
      const deadline = Date.now() + 5_000;
      let held = 0;
      while (Date.now() < deadline && held === 0) {
        await new Promise((r) => setTimeout(r, 100));
        held = Number((await admin.query(`select count(*) from pg_locks where ${ours} and granted`)).rows[0].count);
      }
      await admin.end();
      expect(held).toBe(1);
      expect(await reapDeadLeases(db.prisma)).toBe(0);
      expect(await after(ids.alive)).toBe(lease.getTime());
    } finally {
      for (const stop of stops) await stop();
      await db.close();
    }
  });
});

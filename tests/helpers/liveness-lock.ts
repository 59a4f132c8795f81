import pg from "pg";
import type { Database } from "@/lib/db/open-database";
import { LIVENESS_LOCK_CLASS } from "@/lib/delivery/runtime/worker-liveness";
import type { TestPostgres } from "./databases";

/**
 * Holds `owner`'s liveness lock as a worker's own session would, until the returned release: on
 * PostgreSQL on a connection of its own, on PGlite on its one session.
 */
export async function holdLivenessLock(database: Database, owner: string): Promise<() => Promise<void>> {
  if (database.kind === "pglite") {
    await database.prisma.$executeRaw`select pg_advisory_lock(${LIVENESS_LOCK_CLASS}::int4, hashtext(${owner}))`;
    return async () => {
      await database.prisma.$executeRaw`select pg_advisory_unlock(${LIVENESS_LOCK_CLASS}::int4, hashtext(${owner}))`;
    };
  }
  const client = new pg.Client({ connectionString: (database as TestPostgres).url });
  await client.connect();
  await client.query("select pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_CLASS, owner]);
  return () => client.end();
}

/** How many liveness locks are held in the database `client` is connected to (PostgreSQL). */
export async function livenessLocksHeld(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    "select count(*) from pg_locks where locktype = 'advisory' and granted and classid = $1 and database = (select oid from pg_database where datname = current_database())",
    [LIVENESS_LOCK_CLASS],
  );
  return Number(rows[0].count);
}

import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * The Prisma adapter for PostgreSQL, on a pool whose every connection has an `error` listener from
 * the moment it connects. pg-pool takes its own listener off a connection when it hands it out, and
 * the adapter puts one on for a transaction only a tick later (after `await pool.connect()`): a
 * server that ends the session right after the handshake (pg_terminate_backend, a failover) can
 * deliver that FATAL in the same read, to a connection nobody listens to, and an unheard `error`
 * event ends the whole process. The error still reaches whatever query or transaction was using the
 * connection; this listener only keeps it from being thrown at the process.
 */
export function pgAdapter(connectionString: string): SqlDriverAdapterFactory {
  const { provider, adapterName } = new PrismaPg({ connectionString });
  // A pool per connect(): disposing an adapter ends its pool, and a factory may be connected again.
  return {
    provider,
    adapterName,
    connect: async () => {
      const pool = guardedPool(connectionString);
      const adapter = await new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: preparedName }).connect();
      // PrismaPg 7.10 runs a script by splitting it at every ";", which breaks a function body
      // ($$ … ; … $$) and a comment with a semicolon in it. A query without parameters goes by the
      // simple protocol, which takes a whole script as PostgreSQL parses it (as psql sends it).
      adapter.executeScript = async (script: string) => {
        await pool.query(script);
      };
      return adapter;
    },
  };
}

/**
 * Marks a statement to be prepared once per connection and reused (parsed and planned once, not on
 * every run): the hot statements of publishing and delivering, whose SQL text never changes (their
 * values are parameters, lists included). Planning the claim alone took 4 to 9 ms of database CPU
 * per run; a prepared statement is planned again only when PostgreSQL decides a generic plan will
 * not do, or the tables change. Only marked statements: every distinct SQL text stays prepared on
 * its connection, so text that varies (Prisma's own IN lists) must not be.
 */
export const PREPARED = "/* prepared */";

const preparedNames = new Map<string, string>();

export function preparedName(query: { sql: string }): string {
  if (!query.sql.startsWith(PREPARED)) return ""; // pg: unnamed, parsed and planned each time
  let name = preparedNames.get(query.sql);
  if (!name) {
    name = `hookline_${createHash("sha256").update(query.sql).digest("hex").slice(0, 32)}`;
    preparedNames.set(query.sql, name);
  }
  return name;
}

function guardedPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("connect", (client) => client.on("error", () => {}));
  // Errors of idle connections (pg-pool re-emits them on the pool): the pool drops the connection.
  pool.on("error", () => {});
  return pool;
}

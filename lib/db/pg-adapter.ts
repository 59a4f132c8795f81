import "server-only";
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
  return { provider, adapterName, connect: () => new PrismaPg(guardedPool(connectionString), { disposeExternalPool: true }).connect() };
}

function guardedPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("connect", (client) => client.on("error", () => {}));
  // Errors of idle connections (pg-pool re-emits them on the pool): the pool drops the connection.
  pool.on("error", () => {});
  return pool;
}

import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

type ScriptAdapter = SqlDriverAdapter & { onError?: (e: unknown) => never };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs its queries as synchronous WASM and resolves them as microtasks, so back-to-back
 * queries (a burst of in-process publishes) never give the event loop a turn: HTTP responses then
 * wait behind them, and the worker's 5 s deadlines fired on answers that had long arrived
 * (measured: every delivery timed out while 2,000 events were being published, and the webhook was
 * auto-disabled). Each query and transaction first yields one turn, so I/O interleaves.
 */
export function yieldBetweenQueries(db: PGlite): PGlite {
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = (async (...args: Parameters<typeof query>) => {
    await nextTurn();
    return query(...args);
  }) as typeof db.query;
  db.transaction = (async (...args: Parameters<typeof transaction>) => {
    await nextTurn();
    return transaction(...args);
  }) as typeof db.transaction;
  return db;
}

// pglite-prisma-adapter 0.7.2 calls db.exec() in executeScript without awaiting it: a failing
// migration is then recorded as applied and the error escapes as an unhandled rejection.
function awaitScripts(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  const scripted = adapter as ScriptAdapter;
  scripted.executeScript = async (script: string) => {
    try {
      await db.exec(script);
    } catch (error) {
      if (scripted.onError) scripted.onError(error);
      throw error;
    }
  };
  return adapter;
}

/**
 * A migration-aware adapter factory for one PGlite instance whose shadow database is a fresh
 * in-memory PGlite. Also used as the shadow for PostgreSQL targets: PrismaPg 7.10.1's own
 * connectToShadowDb reconnects to the main database.
 */
export function pgliteAdapterFactory(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(db);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => awaitScripts(await inner.connect(), db),
    connectToShadowDb: inMemoryShadow,
  };
}

export async function inMemoryShadow(): Promise<SqlDriverAdapter> {
  const shadow = await PGlite.create();
  const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await shadow.close();
  };
  return adapter;
}

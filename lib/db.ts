import "server-only";
import { type Database, openDatabase, type TStoredTarget } from "./db/open-database";
import { env } from "./env";
import type { PrismaClient } from "./generated/prisma/client";
import { processGlobals } from "./process-globals";

export type { PrismaClient };

// Next may load this module more than once (instrumentation and route bundles): the one handle is
// process-wide (lib/process-globals.ts), so the embedded database is opened exactly once per process.
declare module "./process-globals" {
  interface TProcessGlobals {
    /** The process's database: opened once, whichever copy of this module asks first. */
    db?: Promise<Database>;
  }
}
const globals = processGlobals();

export function targetFromEnv(): TStoredTarget {
  const { DATABASE_URL, HOOKLINE_DATA_DIR } = env();
  return DATABASE_URL ? { kind: "postgres", url: DATABASE_URL } : { kind: "pglite", dataDir: HOOKLINE_DATA_DIR };
}

/** The process's database, opened (and migrated) on first use. */
export function openDb(): Promise<Database> {
  globals.db ??= openDatabase(targetFromEnv());
  return globals.db;
}

export async function getDb(): Promise<PrismaClient> {
  return (await openDb()).prisma;
}

/** Lets tests and the CLI run lib/server code against a database they opened themselves. */
export function installDatabase(database: Database): void {
  globals.db = Promise.resolve(database);
}

export async function closeDb(): Promise<void> {
  const pending = globals.db;
  globals.db = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}

import "server-only";
import { type Database, type DatabaseTarget, openDatabase } from "./db/open-database";
import { env } from "./env";
import type { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

// Next may load this module more than once (instrumentation and route bundles): keep the one
// handle on globalThis so the embedded database is opened exactly once per process.
const holder = globalThis as typeof globalThis & { __hooklineDb?: Promise<Database> };

export function targetFromEnv(): DatabaseTarget {
  const { DATABASE_URL, HOOKLINE_DATA_DIR } = env();
  return DATABASE_URL ? { kind: "postgres", url: DATABASE_URL } : { kind: "pglite", dataDir: HOOKLINE_DATA_DIR };
}

/** The process's database, opened (and migrated) on first use. */
export function openDb(): Promise<Database> {
  holder.__hooklineDb ??= openDatabase(targetFromEnv());
  return holder.__hooklineDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await openDb()).prisma;
}

/** Lets tests and the CLI run lib/server code against a database they opened themselves. */
export function installDatabase(database: Database): void {
  holder.__hooklineDb = Promise.resolve(database);
}

export async function closeDb(): Promise<void> {
  const pending = holder.__hooklineDb;
  holder.__hooklineDb = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}

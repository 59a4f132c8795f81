import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { closeDb, installDatabase } from "@/lib/db";
import { type Database, openDatabase } from "@/lib/db/open-database";

export type TestDatabase = { name: "pglite" | "postgres"; open: () => Promise<Database> };

const adminUrl = process.env.TEST_DATABASE_URL;

/** The same server URL with another database name (works for the socket form too). */
export function withDatabaseName(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}

/** A new, empty, migrated PostgreSQL database; closing it drops it. */
export type TestPostgres = Database & { url: string };

async function openFreshPostgres(): Promise<TestPostgres> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `hookline_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabaseName(adminUrl, name);
  const db = await openDatabase({ kind: "postgres", url });
  return {
    ...db,
    url,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Every backend the integration tests run against: embedded PGlite always, PostgreSQL when configured. */
export const TEST_DATABASES: TestDatabase[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite", dataDir: null }) },
  ...(adminUrl ? [{ name: "postgres" as const, open: openFreshPostgres }] : []),
];

/** Gives each test in the suite its own fresh database, installed as the one lib/db returns. */
export function freshDatabasePerTest(backend: TestDatabase): () => Database {
  let current: Database | undefined;
  beforeEach(async () => {
    current = await backend.open();
    installDatabase(current);
  });
  afterEach(async () => {
    await closeDb();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("no database: call inside a test");
    return current;
  };
}

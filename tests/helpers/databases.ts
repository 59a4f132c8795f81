import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { closeDb, installDatabase } from "@/lib/db";
import { type Database, openDatabase } from "@/lib/db/open-database";

/** `open`: a fresh, migrated database; `openBlank`: one that every migration is applied to now (migration tests). */
export type TestDatabase = { name: "pglite" | "postgres"; open: () => Promise<Database>; openBlank: () => Promise<Database> };

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

// Most of an in-memory PGlite's open is its initdb (about 2 s on these machines, per test). One
// migrated, seeded database is dumped once per run of the sources it depends on (a file in the temp
// folder named by their hash, shared by every test file and worker); each test starts from a copy,
// and openDatabase still checks the migrations against it (none left to apply) and seeds again.
const TEMPLATE_SOURCES = [
  "prisma/schema.prisma",
  "prisma/migrations",
  "lib/db/event-catalog.ts",
  "lib/db/seed-event-types.ts",
  "node_modules/@electric-sql/pglite/package.json",
];
let pgliteTemplate: Promise<Blob> | undefined;

function sourcesHash(): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    if (fs.statSync(file).isDirectory()) for (const entry of fs.readdirSync(file).sort()) add(path.join(file, entry));
    else hash.update(file).update(fs.readFileSync(file));
  };
  for (const source of TEMPLATE_SOURCES) add(source);
  return hash.digest("hex").slice(0, 16);
}

async function migratedPgliteDump(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `hookline-test-pglite-${sourcesHash()}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    if (!db.dumpDataDir) throw new Error("an in-memory PGlite can be dumped");
    const dump = await db.dumpDataDir();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file); // whole or not at all, whichever worker gets there first
    return dump;
  } finally {
    await db.close();
  }
}

async function openFreshPglite(): Promise<Database> {
  pgliteTemplate ??= migratedPgliteDump();
  return openDatabase({ kind: "pglite", dataDir: null, initialData: await pgliteTemplate });
}

/** Every backend the integration tests run against: embedded PGlite always, PostgreSQL when configured. */
export const TEST_DATABASES: TestDatabase[] = [
  { name: "pglite", open: openFreshPglite, openBlank: () => openDatabase({ kind: "pglite", dataDir: null }) },
  ...(adminUrl ? [{ name: "postgres" as const, open: openFreshPostgres, openBlank: openFreshPostgres }] : []),
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

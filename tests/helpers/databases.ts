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

/**
 * A migrated, seeded PostgreSQL database to copy each test's from (CREATE DATABASE … TEMPLATE: a
 * file copy, a fraction of migrating), named by the hash of what it is made from, made once on the
 * server by whichever test worker gets there first. Templates of other sources are dropped.
 */
let postgresTemplate: Promise<string> | undefined;
async function migratedPostgresTemplate(): Promise<string> {
  const name = `hookline_tpl_${sourcesHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'hookline\\_tpl\\_%'");
    if (rows.some((r) => r.datname === name)) return name;
    const building = `${name}_${process.pid}_${randomBytes(3).toString("hex")}`;
    await admin.query(`create database ${building}`);
    const db = await openDatabase({ kind: "postgres", url: withDatabaseName(adminUrl as string, building) });
    await db.close();
    try {
      await admin.query(`alter database ${building} rename to ${name}`); // whole or not at all
    } catch {
      await admin.query(`drop database if exists ${building} with (force)`); // another worker's came first
    }
    for (const old of rows.filter((r) => !r.datname.startsWith(name))) await admin.query(`drop database if exists ${old.datname} with (force)`).catch(() => {});
    return name;
  } finally {
    await admin.end();
  }
}

async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  // A copy needs the template to itself for a moment: another worker's copy may hold it (55006).
  for (let tries = 0; ; tries++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || tries >= 50) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}

/** A copy of the migrated template: openDatabase finds nothing to apply (and seeds again). */
async function openFreshPostgres(): Promise<TestPostgres> {
  postgresTemplate ??= migratedPostgresTemplate();
  return openNewPostgres(await postgresTemplate);
}

/** An empty database: every migration is applied as it opens (the migration tests). */
function openBlankPostgres(): Promise<TestPostgres> {
  return openNewPostgres(null);
}

async function openNewPostgres(template: string | null): Promise<TestPostgres> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `hookline_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (template) await createFromTemplate(admin, name, template);
  else await admin.query(`create database ${name}`);
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
  ...(adminUrl ? [{ name: "postgres" as const, open: openFreshPostgres, openBlank: openBlankPostgres }] : []),
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

import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { closeDb, installDatabase } from "@/lib/db";
import { type Database, EMBEDDED_START_PARAMS, openDatabase } from "@/lib/db/open-database";
import { yieldBetweenQueries } from "@/lib/db/pglite-adapter";

/** `open`: a fresh, migrated database; `openBlank`: one that every migration is applied to now (migration tests). */
export type TestDatabase = { name: "pglite" | "postgres"; open: () => Promise<Database>; openBlank: () => Promise<Database> };

const adminUrl = process.env.TEST_DATABASE_URL;

/** The same server URL with another database name (works for the socket form too). */
export function withDatabaseName(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}

/** A migrated PostgreSQL database of the test's own, and its URL (for processes the test starts). */
export type TestPostgres = Database & { url: string };

/**
 * A migrated, seeded PostgreSQL database to copy each test's from (CREATE DATABASE … TEMPLATE: a
 * file copy, a fraction of migrating), named by the hash of what it is made from, made once on the
 * server by whichever test worker gets there first. Templates of other sources are dropped.
 */
let postgresTemplate: Promise<string> | undefined;
async function migratedPostgresTemplate(): Promise<string> {
  const name = `hookline_tpl_${sourcesHash()}`;
  return withPgClient(adminUrl as string, async (run) => {
    const rows = (await run("select datname from pg_database where datname like 'hookline\\_tpl\\_%'")) as { datname: string }[];
    if (rows.some((r) => r.datname === name)) return name;
    const building = `${name}_${process.pid}_${randomBytes(3).toString("hex")}`;
    await run(`create database ${building}`);
    const db = await openDatabase({ kind: "postgres", url: withDatabaseName(adminUrl as string, building) });
    await db.close();
    try {
      await run(`alter database ${building} rename to ${name}`); // whole or not at all
    } catch {
      await run(`drop database if exists ${building} with (force)`); // another worker's came first
    }
    for (const old of rows.filter((r) => !r.datname.startsWith(name))) await run(`drop database if exists ${old.datname} with (force)`).catch(() => {});
    return name;
  });
}

async function createFromTemplate(run: TRunSql, name: string, template: string): Promise<void> {
  // A copy needs the template to itself for a moment: another worker's copy may hold it (55006).
  for (let tries = 0; ; tries++) {
    try {
      await run(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || tries >= 50) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}

// Each test used to get a new database: a template copy on PostgreSQL, a restored dump on PGlite,
// about 200 ms each, most of the suite's time. Now each test worker keeps the databases it made and
// empties one for the next test (rows deleted, the migrated seed put back), then opens it as before
// (migrations checked, a new Prisma client). A database whose schema a test changed is dropped, not
// reused. On PostgreSQL a closed test database is also renamed at once, so nothing the test left
// running (a Prisma client reconnects by itself) reaches it under its old name.
const postgresIdle: string[] = [];
const testDatabaseName = () => `hookline_test_${randomBytes(6).toString("hex")}`;

/** A migrated database: one this worker emptied, or a new copy of the template. */
async function openFreshPostgres(): Promise<TestPostgres> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  postgresTemplate ??= migratedPostgresTemplate();
  const template = await postgresTemplate;
  for (let idle = postgresIdle.pop(); idle; idle = postgresIdle.pop()) {
    const name = testDatabaseName();
    await withPgClient(adminUrl, (run) => run(`alter database ${idle} rename to ${name}`));
    const url = withDatabaseName(adminUrl, name);
    if (await withPgClient(url, (run) => resetToPristine(run, "postgres"))) return openPostgresAt(name, url, true);
    await dropPostgres(name);
  }
  return openNewPostgres(template);
}

/** Renames a closed test database out of reach, ending whatever is still connected (as dropping it would). */
async function setAside(name: string): Promise<string> {
  const idle = testDatabaseName();
  await withPgClient(adminUrl as string, async (run) => {
    // Something the test left running (a late attempt's record, a live feed reconnecting) may connect
    // again between the two statements: end it again and retry, a few times.
    for (let attempt = 1; ; attempt++) {
      await run(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
      try {
        await run(`alter database ${name} rename to ${idle}`);
        return;
      } catch (error) {
        if (attempt >= 5 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  return idle;
}

/** An empty database: every migration is applied as it opens (the migration tests). */
function openBlankPostgres(): Promise<TestPostgres> {
  return openNewPostgres(null);
}

async function openNewPostgres(template: string | null): Promise<TestPostgres> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = testDatabaseName();
  await withPgClient(adminUrl, async (run) => {
    if (template) await createFromTemplate(run, name, template);
    else await run(`create database ${name}`);
  });
  return openPostgresAt(name, withDatabaseName(adminUrl, name), template !== null);
}

/** Opens database `name`; closing it drops it, or, if `isReusable`, keeps it for this worker's next test. */
async function openPostgresAt(name: string, url: string, isReusable: boolean): Promise<TestPostgres> {
  const db = await openDatabase({ kind: "postgres", url });
  if (isReusable && !pristine.has("postgres")) pristine.set("postgres", withPgClient(url, readPristine));
  await pristine.get("postgres");
  let isClosed = false;
  return {
    ...db,
    url,
    close: async () => {
      if (isClosed) return; // closed twice (by the test, then afterEach): pooled once
      isClosed = true;
      await db.close();
      if (isReusable) postgresIdle.push(await setAside(name));
      else await dropPostgres(name);
    },
  };
}

async function dropPostgres(name: string): Promise<void> {
  await withPgClient(adminUrl as string, (run) => run(`drop database if exists ${name} with (force)`));
}

type TRunSql = (sql: string) => Promise<Record<string, unknown>[]>;

/** Runs statements on one PGlite instance, as on a connection: the last statement's rows. */
const pgliteRun =
  (instance: PGlite): TRunSql =>
  async (sql) =>
    (await instance.exec(sql)).at(-1)?.rows ?? [];

async function withPgClient<T>(url: string, use: (run: TRunSql) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use((sql) => client.query(sql).then((r) => (Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows)));
  } finally {
    await client.end();
  }
}

/**
 * What a freshly migrated database holds, per backend: its schema's fingerprint, the statement that
 * empties every table, and the rows to put back (the migrations' and the catalog seed's).
 */
type TPristine = { fingerprint: string; reset: string };
const pristine = new Map<string, Promise<TPristine>>();

const FINGERPRINT_SQL = `select md5(concat_ws('|',
  (select string_agg(table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, ''), ',' order by table_name, column_name)
     from information_schema.columns where table_schema = 'public'),
  (select string_agg(tgname, ',' order by tgname) from pg_trigger where not tgisinternal),
  (select string_agg(rulename, ',' order by rulename) from pg_rules where schemaname = 'public'),
  (select string_agg(proname, ',' order by proname) from pg_proc where pronamespace = 'public'::regnamespace),
  (select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = 'public'),
  (select string_agg(migration_name || coalesce(finished_at::text, '-') || coalesce(rolled_back_at::text, '-'), ',' order by migration_name) from _prisma_migrations)
)) as fingerprint`;

async function readPristine(run: TRunSql): Promise<TPristine> {
  const [{ fingerprint }] = (await run(FINGERPRINT_SQL)) as [{ fingerprint: string }];
  const tables = (
    await run(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by 1",
    )
  ).map((r) => `"${r.table_name as string}"`);
  const refill: string[] = [];
  for (const table of tables) {
    const [{ rows }] = (await run(`select coalesce(jsonb_agg(t), '[]'::jsonb)::text as rows from ${table} t`)) as [{ rows: string }];
    if (rows !== "[]") refill.push(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, '${rows.replaceAll("'", "''")}'::jsonb);`);
  }
  const reset = [
    "set session_replication_role = replica;", // no foreign-key or rule triggers: any order goes
    ...tables.map((t) => `delete from ${t};`),
    ...refill,
    "set session_replication_role = default;",
  ].join("\n");
  return { fingerprint, reset };
}

/**
 * Empties a database a test used back to what migrating made, if its schema is still the pristine
 * one (the first database of each backend is read as pristine when it is new). False: not reusable.
 */
async function resetToPristine(run: TRunSql, backend: string): Promise<boolean> {
  const expected = await pristine.get(backend);
  if (!expected) return false;
  const [{ fingerprint }] = (await run(FINGERPRINT_SQL)) as [{ fingerprint: string }];
  if (fingerprint !== expected.fingerprint) return false;
  await run(expected.reset);
  return true;
}

// Most of an in-memory PGlite's open is its initdb (about 2 s on these machines, per test). One
// migrated, seeded database is dumped once per run of the sources it depends on (a file in the temp
// folder named by their hash, shared by every test file and worker); each new test database starts
// from a copy, and openDatabase still checks the migrations against it (none left to apply).
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

const pgliteIdle: PGlite[] = [];

/**
 * A migrated in-memory PGlite: one this worker emptied, or a new one from the dump. The test's
 * Database reaches it through a proxy that acts closed once the test closes it, so anything a test
 * left running (a worker loop, a timer) fails there instead of touching the next test's rows.
 */
async function openFreshPglite(): Promise<Database> {
  pgliteTemplate ??= migratedPgliteDump();
  let instance: PGlite | undefined;
  for (let idle = pgliteIdle.pop(); idle && !instance; idle = pgliteIdle.pop()) {
    const run = pgliteRun(idle);
    const isReset = await run("rollback; select pg_advisory_unlock_all(); unlisten *;")
      .then(() => resetToPristine(run, "pglite"))
      .catch(() => false);
    if (isReset) instance = idle;
    else await idle.close().catch(() => {});
  }
  if (!instance) {
    instance = yieldBetweenQueries(await PGlite.create({ startParams: EMBEDDED_START_PARAMS, loadDataDir: await pgliteTemplate }));
    if (!pristine.has("pglite")) pristine.set("pglite", readPristine(pgliteRun(instance)));
  }
  await pristine.get("pglite");
  const kept = instance;
  let isClosed = false;
  const lease = new Proxy(kept, {
    get: (target, key) => {
      // What a closed PGlite says, so a test that closes its database meets what the app would.
      if (isClosed) throw new Error("PGlite is closed");
      const value = Reflect.get(target, key, target);
      // PGlite's methods use its private fields: they run on the instance itself.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const db = await openDatabase({ kind: "pglite", instance: lease });
  return {
    ...db,
    close: async () => {
      if (isClosed) return;
      await db.close();
      isClosed = true;
      pgliteIdle.push(kept);
    },
  };
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

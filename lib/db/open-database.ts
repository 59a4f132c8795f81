import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { collectGarbage } from "../collect-garbage";
import { PrismaClient } from "../generated/prisma/client";
import { discardChanges } from "./change-feed";
import { acquireDataDirLock } from "./data-dir-lock";
import { DEFAULT_PATHS, deployMigrations, type MigrationPaths } from "./migrations";
import { pgAdapter } from "./pg-adapter";
import { inMemoryShadow, pgliteAdapterFactory, yieldBetweenQueries } from "./pglite-adapter";
import { holdPrivateUmask, makePrivate } from "./private-files";
import { seedEventTypes } from "./seed-event-types";
import { markSingleConnection } from "./single-connection";

/** Where the environment points (lib/db.ts targetFromEnv): files, or a PostgreSQL URL. */
export type TStoredTarget = Exclude<DatabaseTarget, { instance: PGlite }>;

export type DatabaseTarget =
  // dataDir null: in memory (tests), optionally started from `initialData`, a dump of another
  // in-memory database (PGlite's dumpDataDir): it skips initdb, most of an in-memory open's time.
  | { kind: "pglite"; dataDir: string | null; initialData?: Blob }
  // An instance the caller opened and keeps (the tests reuse one per worker, emptied between tests):
  // closing the Database leaves it open. The caller has applied yieldBetweenQueries to it, if wanted.
  | { kind: "pglite"; instance: PGlite }
  | { kind: "postgres"; url: string };

export type Database = {
  kind: DatabaseTarget["kind"];
  prisma: PrismaClient;
  /** Names of the migrations this open applied (empty when the database was up to date). */
  applied: string[];
  close: () => Promise<void>;
  /** PostgreSQL's URL, for sessions a process keeps of its own (LISTEN); none for the embedded database. */
  url?: string;
  /** The embedded database's files as one archive, for `initialData` (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
  /** An embedded database on disk: why its data directory is no longer usable, null while it is (lib/db/data-dir-lock.ts). */
  lostReason?: () => string | null;
};

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

// Two app processes starting at once against one PostgreSQL must not both run a migration.
const MIGRATION_LOCK_KEY = 0x686f6f6b; // "hook"

/** host:port/database, without the password (socket URLs are not WHATWG URLs, hence pg's parser). */
function describeTarget(url: string): string {
  const { host, port, database } = parsePgUrl(url);
  return `${host || "localhost"}:${port || 5432}/${database ?? ""}`;
}

async function openPostgres(url: string, paths: MigrationPaths): Promise<Database> {
  const lockClient = new pg.Client({ connectionString: url });
  try {
    await lockClient.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${describeTarget(url)} (DATABASE_URL): ${(error as Error).message}`, { cause: error });
  }
  let applied: string[];
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const main = pgAdapter(url);
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      connectToShadowDb: inMemoryShadow,
    };
    applied = await deployMigrations(factory, paths);
  } finally {
    await lockClient.end().catch(() => {});
  }
  const prisma = new PrismaClient({ adapter: pgAdapter(url) });
  await seedEventTypes(prisma);
  return {
    kind: "postgres",
    prisma,
    applied,
    url,
    close: async () => {
      discardChanges(prisma); // a NOTIFY after this would open a new connection
      await prisma.$disconnect();
    },
  };
}

/**
 * PostgreSQL's own start parameters for the embedded database: PGlite's, with 16 MB of shared buffers
 * instead of PostgreSQL's 128 MB. PGlite touches all of them at start, so they are 128 MB of resident
 * memory before the first query; its table files are read through the operating system's cache
 * anyway, which keeps what is read often. Measured in npm run bench (docs/benchmarks.md, Memory).
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** PGlite on a data directory: locked to this process and private to its user (lib/db/private-files.ts). */
async function openPgliteFiles(dataDir: string): Promise<{ pglite: PGlite; release: () => void; lostReason: () => string | null }> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // PGlite does not create parent folders.
  const lock = acquireDataDirLock(dataDir);
  const releaseUmask = holdPrivateUmask();
  const unlock = () => {
    releaseUmask();
    lock.release();
  };
  let pglite: PGlite | undefined;
  try {
    makePrivate(dataDir); // before PGlite reads anything: older installs left their files 0666
    const pgDir = path.join(dataDir, "pglite");
    if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
      // A new data directory: PGlite runs initdb (a second WebAssembly instance) and keeps what that
      // used for as long as the instance lives, about 300 MB. Made by one instance that is closed,
      // then opened by another, the server runs without it (npm run bench, Memory).
      await (await PGlite.create(pgDir, { startParams: EMBEDDED_START_PARAMS })).close();
      collectGarbage();
    }
    pglite = await PGlite.create(pgDir, { startParams: EMBEDDED_START_PARAMS });
    makePrivate(dataDir); // what initdb has just unpacked
  } catch (error) {
    await pglite?.close().catch(() => {});
    unlock();
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${path.resolve(dataDir)}: ${(error as Error).message}`, { cause: error });
  }
  const release = () => {
    // PostgreSQL rewrites pg_internal.init 0644 while open; best effort on the way out.
    try {
      makePrivate(dataDir);
    } catch {}
    unlock();
  };
  return { pglite, release, lostReason: lock.lostReason };
}

type TPgliteTarget = Extract<DatabaseTarget, { kind: "pglite" }>;

async function openPgliteInstance(target: TPgliteTarget): Promise<{ pglite: PGlite; release: () => Promise<void>; lostReason?: () => string | null }> {
  if ("instance" in target) return { pglite: target.instance, release: async () => {} };
  const { dataDir, initialData } = target;
  const opened = dataDir
    ? await openPgliteFiles(dataDir)
    : { pglite: await PGlite.create({ startParams: EMBEDDED_START_PARAMS, ...(initialData ? { loadDataDir: initialData } : {}) }), release: () => {} };
  yieldBetweenQueries(opened.pglite);
  return {
    ...opened,
    release: async () => {
      await opened.pglite.close().catch(() => {});
      opened.release();
    },
  };
}

async function openPglite(target: TPgliteTarget, paths: MigrationPaths): Promise<Database> {
  const { pglite, release: close, lostReason } = await openPgliteInstance(target);
  try {
    const applied = await deployMigrations(pgliteAdapterFactory(pglite), paths);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    markSingleConnection(prisma);
    await seedEventTypes(prisma);
    return {
      kind: "pglite",
      prisma,
      applied,
      dumpDataDir: () => pglite.dumpDataDir("none"),
      lostReason,
      close: async () => {
        await prisma.$disconnect();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens a database and brings its schema up to date (or refuses: see deployMigrations). */
export function openDatabase(target: DatabaseTarget, paths: MigrationPaths = DEFAULT_PATHS): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, paths) : openPglite(target, paths);
}

import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { seedEventTypes } from "../catalog/seed-event-types";
import { PrismaClient } from "../generated/prisma/client";
import { acquireDataDirLock } from "./data-dir-lock";
import { DEFAULT_PATHS, deployMigrations, type MigrationPaths } from "./migrations";
import { inMemoryShadow, pgliteAdapterFactory, yieldBetweenQueries } from "./pglite-adapter";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory (tests)
  | { kind: "postgres"; url: string };

export type Database = {
  kind: DatabaseTarget["kind"];
  prisma: PrismaClient;
  /** Names of the migrations this open applied (empty when the database was up to date). */
  applied: string[];
  close: () => Promise<void>;
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
    const main = new PrismaPg({ connectionString: url });
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
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedEventTypes(prisma);
  return { kind: "postgres", prisma, applied, close: () => prisma.$disconnect() };
}

async function openPglite(dataDir: string | null, paths: MigrationPaths): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true }); // PGlite does not create parent folders.
    release = acquireDataDirLock(dataDir).release;
    try {
      pglite = await PGlite.create(path.join(dataDir, "pglite"));
    } catch (error) {
      release();
      throw new DatabaseUnavailableError(`Cannot open the embedded database in ${path.resolve(dataDir)}: ${(error as Error).message}`, { cause: error });
    }
  } else {
    pglite = await PGlite.create();
  }
  yieldBetweenQueries(pglite);
  const close = async () => {
    await pglite.close().catch(() => {});
    release();
  };
  try {
    const applied = await deployMigrations(pgliteAdapterFactory(pglite), paths);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    await seedEventTypes(prisma);
    return {
      kind: "pglite",
      prisma,
      applied,
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
  return target.kind === "postgres" ? openPostgres(target.url, paths) : openPglite(target.dataDir, paths);
}

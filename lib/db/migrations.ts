import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Offline stand-in for `prisma migrate deploy | status | dev --create-only`: Prisma 7's CLI needs a
// native schema engine these machines cannot download, so we drive the same engine compiled to WASM
// (@prisma/schema-engine-wasm) through our driver adapter. It writes _prisma_migrations exactly as the
// native CLI does, so a real `prisma migrate deploy` elsewhere sees the same history.

export type MigrationPaths = { schemaPath: string; migrationsDir: string };

export const DEFAULT_PATHS: MigrationPaths = {
  schemaPath: path.join(process.cwd(), "prisma", "schema.prisma"),
  migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
};

export const FILTERS = { externalTables: [], externalEnums: [] };

/** The database and the migrations folder disagree in a way that applying cannot fix. */
export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationHistoryError";
  }
}

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let enginePromise: Promise<EngineModule> | undefined;

// The WASM file is loaded by hand (not through the bundler): Next would otherwise rewrite its path.
async function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const specifier = "@prisma/schema-engine-wasm/schema_engine_bg";
    const runtime: EngineModule = await import(/* webpackIgnore: true */ specifier);
    const resolved = createRequire(path.join(process.cwd(), "package.json")).resolve(specifier);
    const wasm = await fs.readFile(path.join(path.dirname(resolved), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { "./schema_engine_bg.js": runtime });
    const exports = instance.exports as { __wbindgen_start: () => void };
    (runtime as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
    return runtime;
  })();
  return enginePromise;
}

export async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await fs.readFile(paths.schemaPath, "utf8");
  // engine.free() does not dispose the connections it opened. On PostgreSQL the engine holds Prisma's
  // session advisory lock on its connection, so a leaked one made every later migrate wait 10 s.
  const opened: { dispose: () => Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await SchemaEngine.new({ datamodels: [[paths.schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}

export async function listMigrations(dir: string): Promise<MigrationList> {
  const lock = await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => ({
        path: e.name,
        migrationFile: {
          path: "migration.sql",
          content: await fs.readFile(path.join(dir, e.name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: dir, lockfile: { path: "migration_lock.toml", content: lock }, migrationDirectories, shadowDbInitScript: "" };
}

/** Why a database cannot be migrated by this code, or null when applying is safe. */
export function describeHistoryProblem(status: DiagnoseMigrationHistoryOutput): string | null {
  if (status.failedMigrationNames.length)
    return `migration ${status.failedMigrationNames.join(", ")} failed earlier and is marked failed in _prisma_migrations; fix the database by hand, then mark it rolled back`;
  if (status.editedMigrationNames.length)
    return `migration ${status.editedMigrationNames.join(", ")} was edited after it was applied (checksum differs); restore the original migration.sql`;
  const history = status.history;
  if (history?.diagnostic === "migrationsDirectoryIsBehind")
    return `the database is ahead of this code: it has migration(s) ${history.unpersistedMigrationNames.join(", ")} that prisma/migrations lacks; run the newer version of Hookline`;
  if (history?.diagnostic === "historiesDiverge")
    return `the database's migration history has diverged from this code after ${history.lastCommonMigrationName ?? "the start"}: the database has ${history.unpersistedMigrationNames.join(", ")} which prisma/migrations lacks`;
  return null;
}

export async function migrationStatus(factory: SqlMigrationAwareDriverAdapterFactory, paths = DEFAULT_PATHS): Promise<DiagnoseMigrationHistoryOutput> {
  return withEngine(factory, paths, async (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: await listMigrations(paths.migrationsDir), optInToShadowDatabase: false, filters: FILTERS }),
  );
}

/**
 * Applies pending migrations; applying twice is a no-op. Refuses (MigrationHistoryError) a database
 * that is ahead of or diverged from this code, or holds an edited or failed migration.
 */
export async function deployMigrations(factory: SqlMigrationAwareDriverAdapterFactory, paths = DEFAULT_PATHS): Promise<string[]> {
  const migrationsList = await listMigrations(paths.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) throw new MigrationHistoryError(`no migrations found in ${paths.migrationsDir}`);
  // Without the engine where it has nothing to decide, on one connection: current, or blank.
  const withoutEngine = await withAdapter(factory, async (adapter) =>
    (await historyIsCurrent(adapter, migrationsList)) ? [] : applyToBlank(adapter, migrationsList),
  );
  if (withoutEngine) return withoutEngine;
  return withEngine(factory, paths, async (engine) => {
    const status = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: FILTERS });
    const problem = describeHistoryProblem(status);
    if (problem) throw new MigrationHistoryError(`Database refused: ${problem}.`);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return appliedMigrationNames;
  });
}

const TEXT = { scalarType: "string", arity: "scalar" } as const;

// Prisma's own history table, as `prisma migrate deploy` creates it.
const HISTORY_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * A database with nothing in it (no history, no table) has nothing to diagnose: every migration is
 * applied in order, each script as the engine runs it (the adapter's executeScript) and recorded as
 * the engine records it, without loading the engine (about 75 MB that would stay for the life of
 * the process: the first start of a new install). Null when the database is not blank: the engine's.
 * A script that fails is recorded as failed (finished_at null, its error in logs) and stops the rest,
 * as with the engine, whose diagnosis then refuses the database until it is repaired.
 */
async function applyToBlank(adapter: SqlDriverAdapter, list: MigrationList): Promise<string[] | null> {
  const { rows } = await adapter.queryRaw({
    sql: "select count(*)::int from information_schema.tables where table_schema = current_schema()",
    args: [],
    argTypes: [],
  });
  if (Number(rows[0]?.[0]) !== 0) return null;
  await adapter.executeRaw({ sql: HISTORY_TABLE, args: [], argTypes: [] });
  const applied: string[] = [];
  for (const m of list.migrationDirectories) {
    if (m.migrationFile.content.tag !== "ok") throw new MigrationHistoryError(`cannot read ${m.path}/migration.sql: ${m.migrationFile.content.value}`);
    const sql = m.migrationFile.content.value;
    const id = crypto.randomUUID();
    await adapter.executeRaw({
      sql: 'insert into "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) values ($1, $2, $3, now(), 0)',
      args: [id, migrationChecksum(sql), m.path],
      argTypes: [TEXT, TEXT, TEXT],
    });
    try {
      await adapter.executeScript(sql);
    } catch (error) {
      // A driver adapter's error names its kind; the database's own words are in its cause.
      const cause = (error as { cause?: { originalMessage?: string } }).cause;
      const message = cause?.originalMessage ?? (error as Error).message;
      await adapter.executeRaw({ sql: 'update "_prisma_migrations" set logs = $2 where id = $1', args: [id, message], argTypes: [TEXT, TEXT] });
      throw new MigrationHistoryError(`migration ${m.path} failed: ${message}`);
    }
    await adapter.executeRaw({
      sql: 'update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1',
      args: [id],
      argTypes: [TEXT],
    });
    applied.push(m.path);
  }
  return applied;
}

/**
 * Whether the database holds exactly these migrations, each finished and unedited: then there is
 * nothing to apply or refuse, and the schema engine (a WASM module that stays in memory for the
 * life of the process, about 75 MB) is not loaded. Anything else, a missing table included, is the
 * engine's to diagnose and apply, with its own messages.
 */
export function isUpToDate(factory: SqlMigrationAwareDriverAdapterFactory, list: MigrationList): Promise<boolean> {
  return withAdapter(factory, (adapter) => historyIsCurrent(adapter, list));
}

async function historyIsCurrent(adapter: SqlDriverAdapter, list: MigrationList): Promise<boolean> {
  const history = await adapter
    .queryRaw({
      sql: 'select migration_name, checksum, finished_at is not null from "_prisma_migrations" where rolled_back_at is null',
      args: [],
      argTypes: [],
    })
    .catch(() => null); // no _prisma_migrations yet
  if (!history) return false;
  const applied = new Map(history.rows.map(([name, checksum, isFinished]) => [String(name), isFinished === true ? String(checksum) : null]));
  if (applied.size !== list.migrationDirectories.length) return false;
  return list.migrationDirectories.every(
    (m) => m.migrationFile.content.tag === "ok" && applied.get(m.path) === migrationChecksum(m.migrationFile.content.value),
  );
}

/** Runs `run` on a connection of its own, closed afterwards whatever happens. */
async function withAdapter<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (adapter: SqlDriverAdapter) => Promise<T>): Promise<T> {
  const adapter = await factory.connect();
  try {
    return await run(adapter);
  } finally {
    await adapter.dispose().catch(() => {});
  }
}

/** What _prisma_migrations.checksum holds for a migration file (as the native CLI computes it). */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

// npm run db:migrate | db:status | db:create-migration -- <name>
// Offline replacements for `prisma migrate deploy | status | dev --create-only` (see lib/db/migrations.ts).

import "../lib/v8-settings"; // first: before any WebAssembly is compiled
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ConfigError } from "../lib/config/env-schema";
import { targetFromEnv } from "../lib/db";
import { createMigration } from "../lib/db/create-migration";
import { acquireDataDirLock } from "../lib/db/data-dir-lock";
import { describeHistoryProblem, migrationStatus } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/open-database";
import { pgAdapter } from "../lib/db/pg-adapter";
import { inMemoryShadow, pgliteAdapterFactory } from "../lib/db/pglite-adapter";

async function status(): Promise<number> {
  const target = targetFromEnv();
  let result: Awaited<ReturnType<typeof migrationStatus>>;
  if (target.kind === "postgres") {
    const pgFactory = pgAdapter(target.url);
    result = await migrationStatus({
      provider: pgFactory.provider,
      adapterName: pgFactory.adapterName,
      connect: () => pgFactory.connect(),
      connectToShadowDb: inMemoryShadow,
    });
  } else {
    if (!target.dataDir || !fs.existsSync(path.join(target.dataDir, "pglite"))) {
      console.log(`No embedded database in ${target.dataDir} yet: it is created and migrated on first start.`);
      return 0;
    }
    const lock = acquireDataDirLock(target.dataDir);
    const db = await PGlite.create(path.join(target.dataDir, "pglite"));
    try {
      result = await migrationStatus(pgliteAdapterFactory(db));
    } finally {
      await db.close();
      lock.release();
    }
  }
  const problem = describeHistoryProblem(result);
  if (problem) console.log(`Problem: ${problem}.`);
  else if (result.history?.diagnostic === "databaseIsBehind") console.log(`Pending: ${result.history.unappliedMigrationNames.join(", ")}`);
  else console.log("Database schema is up to date.");
  return problem ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const db = await openDatabase(targetFromEnv());
    await db.close();
    console.log(db.applied.length ? `Applied: ${db.applied.join(", ")}` : "No pending migrations.");
    return 0;
  }
  if (command === "status") return status();
  if (command === "create") {
    if (!name) {
      console.error("usage: npm run db:create-migration -- <name>");
      return 2;
    }
    // The diff replays prisma/migrations on a throwaway in-memory database: the configured one is never touched.
    const dir = await createMigration(pgliteAdapterFactory(await PGlite.create()), name);
    console.log(dir ? `Created ${path.relative(process.cwd(), dir)}/migration.sql` : "No schema changes: nothing to create.");
    return 0;
  }
  console.error("usage: db-migrate.ts deploy | status | create <name>");
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof ConfigError ? error.message : `${error.name === "Error" ? "Error" : error.name}: ${error.message}`);
    process.exit(1);
  },
);

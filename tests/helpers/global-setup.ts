import { spawnSync } from "node:child_process";
import pg from "pg";
import { areEntriesCurrent } from "../../scripts/entries.mjs";

/**
 * Drops the PostgreSQL databases tests made (tests/helpers/databases.ts): each test worker keeps
 * its own for the run, and a worker that is stopped cannot drop them itself. Before the run too,
 * for a run that was interrupted.
 */
async function dropTestDatabases(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'hookline\\_test\\_%'");
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
  } finally {
    await admin.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  // CI must run the PostgreSQL layer: a missing TEST_DATABASE_URL there is a failure, not a skip.
  if (process.env.CI && !process.env.TEST_DATABASE_URL) {
    throw new Error("CI is set but TEST_DATABASE_URL is not: the PostgreSQL integration tests would be skipped");
  }
  if (!process.env.TEST_DATABASE_URL) {
    console.warn(
      "[tests] TEST_DATABASE_URL is not set: integration tests run on embedded PGlite only (set it to postgres://postgres@127.0.0.1:5432/test to include PostgreSQL).",
    );
  }
  // Tests that start real processes run the compiled entry points, as npm start and npm run worker
  // do: compiled once here, before any test file could ask for them at the same time.
  if (!areEntriesCurrent()) {
    const built = spawnSync(process.execPath, ["scripts/build.mjs", "--entries"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error(`compiling the entry points failed (exit ${built.status})`);
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) await dropTestDatabases(url);
  return async () => {
    if (url) await dropTestDatabases(url);
  };
}

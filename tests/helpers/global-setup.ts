import { spawnSync } from "node:child_process";
import { areEntriesCurrent } from "../../scripts/entries.mjs";

export default function setup(): void {
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
}

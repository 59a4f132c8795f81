import { afterAll, vi } from "vitest";
import { closeDb } from "@/lib/db";

// Test files share one module graph and process per worker (vitest.config.ts). What one file set up
// for the process ends with that file: the database it installed as the process's (lib/db), so the
// next file's openDb() opens its own, and any fake clock, spy or stubbed global it left behind.
afterAll(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  await closeDb();
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";

type THolder = typeof globalThis & { __hooklineShutdown?: () => Promise<void>; __hooklineOwnsSignals?: boolean; __hooklineBootGate?: unknown };

/**
 * For tests that run boot() in the test process: each test gets its own embedded data directory,
 * the worker off, signal handlers left alone, and afterwards the boot's clean-up, the environment
 * and the boot gate put back. Returns the current test's data directory.
 */
export function bootEnvPerTest(prefix: string, port: number): () => string {
  const holder = globalThis as THolder;
  const saved = { ...process.env };
  let dataDir = "";
  beforeEach(() => {
    holder.__hooklineBootGate = undefined;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    holder.__hooklineOwnsSignals = true; // keep boot() from installing signal handlers in the test runner
    Object.assign(process.env, { HOOKLINE_DATA_DIR: dataDir, HOOKLINE_WORKER: "off", PORT: String(port) });
    delete process.env.DATABASE_URL;
    resetEnvForTests();
  });
  afterEach(async () => {
    await holder.__hooklineShutdown?.();
    holder.__hooklineShutdown = undefined;
    holder.__hooklineOwnsSignals = undefined;
    holder.__hooklineBootGate = undefined;
    await closeDb();
    process.env = { ...saved };
    resetEnvForTests();
    vi.restoreAllMocks();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return () => dataDir;
}

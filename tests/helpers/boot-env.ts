import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { processGlobals } from "@/lib/process-globals";
import { restoreEnv } from "./restore-env";

/**
 * For tests that run boot() in the test process: each test gets its own embedded data directory,
 * the worker off, signal handlers left alone, and afterwards the boot's clean-up, the environment
 * and the boot gate put back. Returns the current test's data directory.
 */
export function bootEnvPerTest(prefix: string, port: number): () => string {
  const globals = processGlobals();
  const saved = { ...process.env };
  let dataDir = "";
  beforeEach(() => {
    globals.bootGate = undefined;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    globals.ownsSignals = true; // keep boot() from installing signal handlers in the test runner
    Object.assign(process.env, { HOOKLINE_DATA_DIR: dataDir, HOOKLINE_WORKER: "off", PORT: String(port) });
    delete process.env.DATABASE_URL;
    resetEnvForTests();
  });
  afterEach(async () => {
    await globals.shutdown?.(0);
    globals.shutdown = undefined;
    globals.ownsSignals = undefined;
    globals.bootGate = undefined;
    await closeDb();
    restoreEnv(saved);
    resetEnvForTests();
    vi.restoreAllMocks();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return () => dataDir;
}

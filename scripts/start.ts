// npm start: check the configuration, build when the sources changed, then serve (next start).
// npm run dev: the same checks, then `next dev`. Nothing is written before the configuration passes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigError, parseEnv, type TEnv } from "../lib/config/env-schema";
import { LOCK_FILE_NAME } from "../lib/db/data-dir-lock";
import { FINGERPRINT_FILE, isBuildCurrent, sourceFingerprint } from "./build-fingerprint";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function fail(message: string): never {
  console.error(`[hookline] ${message}`);
  process.exit(1);
}

function run(args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio: "inherit", env: childEnv });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 + (signal === "SIGKILL" ? 9 : 15) : 1));
    });
  });
}

// Fail in a second rather than after a two-minute build: can the database be reached or opened?
async function preflight(env: TEnv): Promise<void> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (error) {
      fail(`Cannot connect to PostgreSQL (DATABASE_URL): ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
    return;
  }
  const lock = path.join(env.HOOKLINE_DATA_DIR, LOCK_FILE_NAME);
  const owner = fs.existsSync(lock) ? (JSON.parse(fs.readFileSync(lock, "utf8")) as { pid: number }) : null;
  if (owner && owner.pid !== process.pid) {
    try {
      process.kill(owner.pid, 0);
      fail(`The embedded database in ${path.resolve(env.HOOKLINE_DATA_DIR)} is in use by process ${owner.pid}: stop it first.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EPERM") fail(`The embedded database is in use by process ${owner.pid}.`);
    }
  }
}

async function main(): Promise<void> {
  const isDev = process.argv.includes("--dev");
  let env: TEnv;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  await preflight(env);
  const childEnv = { ...process.env, NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` };

  if (isDev) process.exit(await run(["dev", "--port", String(env.PORT)], { ...childEnv, NODE_ENV: "development" }));

  let isCurrent = false;
  try {
    isCurrent = isBuildCurrent();
  } catch {
    isCurrent = false;
  }
  if (!isCurrent) {
    console.log("[hookline] Building the app (first start, or the sources changed)…");
    const fingerprint = sourceFingerprint();
    const code = await run(["build"], { ...childEnv, NODE_ENV: "production" });
    if (code !== 0) fail(`The build failed (exit ${code}).`);
    fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
  }
  process.exit(await run(["start", "--port", String(env.PORT)], { ...childEnv, NODE_ENV: "production" }));
}

main().catch((error: Error) => fail(error.message));

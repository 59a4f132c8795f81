// npm start (compiled: dist/start.js, run by scripts/launch.mjs): check the configuration, build the
// app when its sources changed, then serve it in this same process (dist/serve.js), so that the
// process npm started is the server and a signal to it stops the server.
// npm run dev (through tsx): the same checks, then `next dev`. Nothing is written before the
// configuration passes.
import "../lib/v8-settings"; // first: before any WebAssembly is compiled
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ConfigError, parseEnv, type TEnv } from "../lib/config/env-schema";
import { dataDirLockHolder } from "../lib/db/data-dir-lock";
import { isNextCurrent } from "./entries.mjs";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function fail(message: string): never {
  console.error(`[hookline] ${message}`);
  process.exit(1);
}

/** Runs `node <args>` in the foreground, passing stop signals on; resolves with its exit code. */
function run(args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
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
      const e = error as Error & { code?: string };
      // 3D000: the server answered but has no such database; say how to make it.
      const hint = e.code === "3D000" ? ` (create it first, e.g. createdb -h ${client.host} -p ${client.port} -U ${client.user} ${client.database})` : "";
      fail(`Cannot connect to PostgreSQL (DATABASE_URL): ${e.message}${hint}`);
    } finally {
      await client.end().catch(() => {});
    }
    return;
  }
  const holder = dataDirLockHolder(env.HOOKLINE_DATA_DIR);
  if (holder) fail(`The embedded database in ${path.resolve(env.HOOKLINE_DATA_DIR)} is in use by ${holder}: stop it first.`);
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
  // next-auth needs an absolute URL; the configured public one when there is one.
  const childEnv = { ...process.env, NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.HOOKLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}` };

  if (isDev) process.exit(await run([NEXT_BIN, "dev", "--port", String(env.PORT)], { ...childEnv, NODE_ENV: "development" }));

  if (!isNextCurrent()) {
    console.log("[hookline] Building the app (first start, or the sources changed)…");
    const code = await run([path.join("scripts", "build.mjs"), "--next"], childEnv);
    if (code !== 0) fail(`The build failed (exit ${code}).`);
  }
  // Our own server rather than `next start`: it decides which client address routes see. Loaded only
  // now, and by a computed path (a separate bundle, not inlined here), so that Next starts in
  // production mode.
  Object.assign(process.env, { NEXTAUTH_URL: childEnv.NEXTAUTH_URL, PORT: String(env.PORT), NODE_ENV: "production" });
  await import(new URL("./serve.js", import.meta.url).href);
}

main().catch((error: Error) => fail(error.message));

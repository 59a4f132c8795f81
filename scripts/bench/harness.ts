// Shared pieces of `npm run bench`: the receiver process, fresh PostgreSQL databases, percentiles, and
// the app, workers and API key a host has (startHost). Modules of lib/ are imported inside the
// functions: bench.ts sets the environment they read first.

import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Database } from "../../lib/db/open-database";
import { defaultWorkspaceContext } from "../../lib/db/workspace-context";
import { startPgCounter, type TDbCost } from "./pg-counter";

export const wallNow = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

type TReply = { port?: number; count: number; slow: number; held: number; arrivals?: [string, number][] };

export type TReceiver = {
  url: string;
  /** Requests answered at once (not those to `/slow/` paths, nor held ones). */
  count: () => Promise<number>;
  /** Requests held open now (see hold). */
  held: () => Promise<number>;
  /** From now on keep every request open with no answer (true), or answer again at once (false). */
  hold: (isOn: boolean) => Promise<void>;
  take: () => Promise<Map<string, number>>;
  reset: () => Promise<void>;
  waitFor: (n: number, timeoutMs: number) => Promise<void>;
  close: () => void;
};

export async function startReceiver(): Promise<TReceiver> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "receiver.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = (type: string) =>
    new Promise<TReply>((resolve) => {
      child.once("message", (m) => resolve(m as TReply));
      child.send({ type });
    });
  const { port } = await new Promise<TReply>((resolve) => child.once("message", (m) => resolve(m as TReply)));
  const count = async () => (await ask("count")).count;
  return {
    url: `http://127.0.0.1:${port}`,
    count,
    held: async () => (await ask("count")).held,
    hold: async (isOn) => void (await ask(isOn ? "hold" : "answer")),
    take: async () => new Map((await ask("take")).arrivals),
    reset: async () => void (await ask("reset")),
    waitFor: async (n, timeoutMs) => {
      if (!(await until(async () => (await count()) >= n, timeoutMs))) {
        throw new Error(`the receiver got ${await count()} of ${n} requests in ${timeoutMs} ms`);
      }
    },
    close: () => child.kill(),
  };
}

/** A new empty database on the server of `serverUrl`, and how to drop it. */
export async function freshPostgres(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: serverUrl.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Polls `check` every `everyMs` until it holds or `timeoutMs` have passed; whether it held. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}

/** Open loop: `fire(i)` for each i < n, one every 1000/rate ms whatever the earlier ones are doing; then waits for all. */
export async function atRate(rate: number, n: number, fire: (i: number) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  const failures: unknown[] = [];
  const t0 = wallNow();
  for (let i = 0; i < n; i++) {
    const wait = t0 + (i * 1000) / rate - wallNow();
    if (wait > 1) await sleep(wait);
    // Caught at once: a rejection left for the Promise.all below would end the process first.
    pending.push(fire(i).catch((error: unknown) => void failures.push(error)));
  }
  await Promise.all(pending);
  if (failures.length > 0) throw failures[0];
}

/** Runs `jobs` with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, job: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await job(items[i] as T, i);
    }
  });
  await Promise.all(lanes);
}

/** Runs `node <args>` and resolves once its stdout has said `marker`; SIGKILLs it if that takes over `timeoutMs`. */
export function spawnUntil(args: string[], env: NodeJS.ProcessEnv, marker: string, timeoutMs = 900_000): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const timer = setTimeout(() => {
      reject(new Error(`${args.join(" ")} did not say "${marker}" in ${timeoutMs} ms: ${out.slice(-500)}`));
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (!out.includes(marker)) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited ${code ?? signal}: ${out.slice(-500)}`));
    });
  });
}

// How `npm start` and `npm run worker` run their entry points: compiled (scripts/launch.mjs), or,
// in a checkout from before they were compiled (a "before" run of this bench), through tsx.
// Compiled: the node arguments of package.json's own script (`exec node <args>`), flags included.
const IS_COMPILED = fs.existsSync(path.join("scripts", "launch.mjs"));
function entry(name: "start" | "worker"): string[] {
  if (!IS_COMPILED) return ["--import", "tsx", "--conditions=react-server", `scripts/${name}.ts`];
  const script = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts[name] ?? "";
  const args = script.match(/^exec node (.+)$/)?.[1]?.split(/\s+/);
  if (!args) throw new Error(`package.json's "${name}" script is not "exec node …": ${script}`);
  return args;
}

/** `npm start` as a user runs it (it builds first when the sources changed), once it is listening. */
export function startApp(env: Record<string, string>): Promise<ChildProcess> {
  return spawnUntil(entry("start"), { ...env, NODE_ENV: "production" }, "Listening");
}

/** One `npm run worker` on `databaseUrl`, once it says it is delivering. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  return spawnUntil(entry("worker"), { ...env, DATABASE_URL: databaseUrl, NODE_ENV: "production" }, "delivering", 60_000);
}

/** A new webhook for `event`, enabled (webhooks are created disabled); its id. */
export async function enabledWebhook(db: Database, url: string, event: string, limits: { maxInFlight?: number } = {}): Promise<string> {
  const { createWebhook } = await import("../../lib/server/webhooks/create-webhook");
  const hook = await createWebhook(defaultWorkspaceContext(db.prisma), { url, events: [event], ...limits });
  await db.prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
  return hook.id;
}

/** SIGTERM, and wait for the exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return; // exited, or killed by a signal
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

export type THost = {
  db: Database;
  /** The host's database (PostgreSQL), for filling it directly. */
  url: string;
  /** The app's API root, `http://127.0.0.1:<port>/api/v1`. */
  api: string;
  /** content-type and the API key. */
  headers: Record<string, string>;
  /** The app process's pid (its CPU and memory). */
  appPid: number;
  /** POSTs `body` as JSON to `route` of the API, which must answer 202. */
  post: (route: string, body: unknown) => Promise<void>;
  /**
   * One more `npm run worker` on this database; close() stops it. `isCounted`: it reaches the
   * database through the counting relay (statements counted, at the cost of a hop: not for throughput).
   */
  startWorker: (env?: Record<string, string>, isCounted?: boolean) => Promise<ChildProcess>;
  /** Starts measuring what the database does: statements of counted workers, WAL bytes, PostgreSQL CPU. */
  measure: () => Promise<() => Promise<TDbCost>>;
  /** Stops every process started here (SIGTERM, each awaited) and drops the database. */
  close: () => Promise<void>;
};

/**
 * A host's setup on a fresh PostgreSQL database: migrated and installed in this process (one host at
 * a time), an API key, and the app serving HTTP as `npm start` does with its own worker off, on
 * BENCH_HTTP_PORT (3291). If any step fails, what was started is stopped and the database dropped.
 */
export async function startHost(pgServerUrl: string, prefix: string): Promise<THost> {
  const { openDatabase } = await import("../../lib/db/open-database");
  const { installDatabase, closeDb } = await import("../../lib/db");
  const { createApiKey } = await import("../../lib/server/api-keys/api-keys");
  const port = Number(process.env.BENCH_HTTP_PORT ?? 3291);
  const target = await freshPostgres(pgServerUrl, prefix);
  const counter = await startPgCounter(pgServerUrl);
  const counted = counter.through(target.url);
  const children: ChildProcess[] = [];
  const close = async () => {
    for (const child of children.splice(0).reverse()) await stopChild(child);
    await closeDb();
    await counter.close();
    await target.drop();
  };
  try {
    const db = await openDatabase({ kind: "postgres", url: target.url });
    installDatabase(db);
    const { key } = await createApiKey(defaultWorkspaceContext(db.prisma), { name: "bench" }, null);
    const app = await startApp({ PORT: String(port), DATABASE_URL: target.url, HOOKLINE_WORKER: "off" });
    children.push(app);
    const api = `http://127.0.0.1:${port}/api/v1`;
    const headers = { "content-type": "application/json", authorization: `Bearer ${key}` };
    return {
      db,
      url: target.url,
      api,
      headers,
      appPid: app.pid as number,
      post: async (route, body) => {
        const res = await fetch(`${api}${route}`, { method: "POST", headers, body: JSON.stringify(body) });
        if (res.status !== 202) throw new Error(`POST ${route} answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      },
      startWorker: async (env, isCounted = false) => {
        const child = await startWorker(isCounted ? counted : target.url, env);
        children.push(child);
        return child;
      },
      measure: counter.measure,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

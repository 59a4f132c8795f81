// Shared pieces of `npm run bench`: the receiver process, fresh PostgreSQL databases, percentiles.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

export const wallNow = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

type TReply = { port?: number; count: number; arrivals?: [string, number][] };

export type TReceiver = {
  url: string;
  count: () => Promise<number>;
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
    take: async () => new Map((await ask("take")).arrivals),
    reset: async () => void (await ask("reset")),
    waitFor: async (n, timeoutMs) => {
      const end = Date.now() + timeoutMs;
      while ((await count()) < n) {
        if (Date.now() > end) throw new Error(`the receiver got ${await count()} of ${n} requests in ${timeoutMs} ms`);
        await sleep(20);
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

/** Runs `node <args>` and resolves once its stdout has said `marker`. */
export function spawnUntil(args: string[], env: NodeJS.ProcessEnv, marker: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes(marker)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}: ${out.slice(-500)}`)));
  });
}

/** SIGTERM, and wait for the exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

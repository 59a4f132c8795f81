// Idle cost: CPU time an idle process uses, read from /proc/<pid>/stat (utime + stime) over a window,
// and its resident memory (VmRSS) after start and after the window, for the embedded server (`npm
// start`, its worker on), the app on PostgreSQL (its worker on), and one `npm run worker`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshPostgres, sleep, startApp, startWorker, stopChild } from "./harness";
import { cpuTicks, rssMb, TICKS_PER_S } from "./proc";

/** The process listening on `port`. */
function pidOnPort(port: number): number | null {
  const tables = ["/proc/net/tcp", "/proc/net/tcp6"].filter((f) => fs.existsSync(f));
  for (const line of tables.flatMap((f) => fs.readFileSync(f, "utf8").split("\n").slice(1))) {
    const cols = line.trim().split(/\s+/);
    if (cols[3] !== "0A" || Number.parseInt(cols[1]?.split(":")[1] ?? "", 16) !== port) continue;
    const inode = cols[9];
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
      } catch {}
    }
  }
  return null;
}

/** Percent of one core used by `pid` over `seconds`. */
async function idlePercent(pid: number, seconds: number): Promise<number> {
  const before = cpuTicks(pid);
  await sleep(seconds * 1000);
  return ((cpuTicks(pid) - before) / TICKS_PER_S / seconds) * 100;
}

/** An idle process: CPU over the window (percent of one core), RSS right after it started and after the window (MB). */
export type TIdle = { cpu: number; rssStartMb: number; rssIdleMb: number };

async function idleOf(pid: number, seconds: number): Promise<TIdle> {
  const rssStartMb = rssMb(pid);
  await sleep(5_000); // past start-up work
  const cpu = await idlePercent(pid, seconds);
  return { cpu, rssStartMb, rssIdleMb: rssMb(pid) };
}

/** `embedded`: the first start of a new install (initdb and every migration in the process); `embeddedRestart`: the next start on the same data directory. */
export type TIdleResult = { embedded: TIdle; embeddedRestart: TIdle; appOnPostgres: TIdle | null; worker: TIdle | null };

export async function benchIdleCpu(pgServerUrl: string | undefined, seconds: number): Promise<TIdleResult> {
  const port = Number(process.env.BENCH_IDLE_PORT ?? 3292);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-bench-idle-"));
  let embedded: TIdle;
  let embeddedRestart: TIdle;
  try {
    const idleEmbedded = async () => {
      const app = await startApp({ PORT: String(port), HOOKLINE_DATA_DIR: dataDir, DATABASE_URL: "" });
      try {
        return await idleOf(pidOnPort(port) ?? (app.pid as number), seconds);
      } finally {
        await stopChild(app);
      }
    };
    embedded = await idleEmbedded();
    embeddedRestart = await idleEmbedded();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!pgServerUrl) return { embedded, embeddedRestart, appOnPostgres: null, worker: null };
  const target = await freshPostgres(pgServerUrl, "hookline_bench_idle");
  try {
    const { openDatabase } = await import("../../lib/db/open-database");
    await (await openDatabase({ kind: "postgres", url: target.url })).close(); // migrated before the processes open it
    // The app on PostgreSQL with its own worker (the default), then one npm run worker alone.
    const pgApp = await startApp({ PORT: String(port), DATABASE_URL: target.url });
    let appOnPostgres: TIdle;
    try {
      appOnPostgres = await idleOf(pidOnPort(port) ?? (pgApp.pid as number), seconds);
    } finally {
      await stopChild(pgApp);
    }
    const worker = await startWorker(target.url);
    try {
      return { embedded, embeddedRestart, appOnPostgres, worker: await idleOf(worker.pid as number, seconds) };
    } finally {
      await stopChild(worker);
    }
  } finally {
    await target.drop();
  }
}

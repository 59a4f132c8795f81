// Idle cost: CPU time an idle process uses, read from /proc/<pid>/stat (utime + stime) over a window,
// for the embedded server (`npm start`, its worker on) and for one `npm run worker` on PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshPostgres, sleep, startApp, startWorker, stopChild } from "./harness";

const TICKS_PER_S = 100; // USER_HZ on Linux

/** The process listening on `port` (npm start runs serve.ts as a child of start.ts). */
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

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

/** Percent of one core used by `pid` over `seconds`. */
async function idlePercent(pid: number, seconds: number): Promise<number> {
  const before = cpuTicks(pid);
  await sleep(seconds * 1000);
  return ((cpuTicks(pid) - before) / TICKS_PER_S / seconds) * 100;
}

export async function benchIdleCpu(pgServerUrl: string | undefined, seconds: number): Promise<{ embedded: number; worker: number | null }> {
  const port = Number(process.env.BENCH_IDLE_PORT ?? 3292);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-bench-idle-"));
  const app = await startApp({ PORT: String(port), HOOKLINE_DATA_DIR: dataDir, DATABASE_URL: "" });
  let embedded = Number.NaN;
  try {
    await sleep(5_000); // past start-up work
    const pid = pidOnPort(port);
    if (pid) embedded = await idlePercent(pid, seconds);
  } finally {
    await stopChild(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!pgServerUrl) return { embedded, worker: null };
  const target = await freshPostgres(pgServerUrl, "hookline_bench_idle");
  try {
    const { openDatabase } = await import("../../lib/db/open-database");
    await (await openDatabase({ kind: "postgres", url: target.url })).close(); // migrated before the worker opens it
    const worker = await startWorker(target.url);
    try {
      await sleep(3_000);
      return { embedded, worker: await idlePercent(worker.pid as number, seconds) };
    } finally {
      await stopChild(worker);
    }
  } finally {
    await target.drop();
  }
}

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, dataDirLockHolder, LOCK_FILE_NAME } from "@/lib/db/data-dir-lock";

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-lock-"));
  dirs.push(d);
  return d;
}

/** Another process that takes the lock and keeps it until killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const script = `import { acquireDataDirLock } from "./lib/db/data-dir-lock.ts"; acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`child exited ${code}`)));
  });
  return child;
}

describe("acquireDataDirLock", () => {
  it("refuses a second process with a message naming the holder", async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by process ${child.pid} .*Only one Hookline process`));
  });

  it("takes over the lock of a process that died", async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it("refuses a second opener in the same process too, and frees the directory on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("refuses a lock written on another host, which it cannot check", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, hostname: "elsewhere", startedAt: "then" }));
    expect(() => acquireDataDirLock(dir)).toThrow(/process 1 on elsewhere/);
  });

  it("takes over a lock left by an earlier process that had this very pid (pids repeat in containers)", () => {
    const dir = tempDir();
    const earlier = { pid: process.pid, hostname: os.hostname(), startedAt: "yesterday", token: "an-earlier-life" };
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(earlier));
    expect(dataDirLockHolder(dir)).toBeNull();
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")).token).not.toBe("an-earlier-life");
    expect(dataDirLockHolder(dir)).toMatch(new RegExp(`^process ${process.pid} on `));
    lock.release();
  });

  it("refuses, with a clear message, a lock it cannot read (it may be half-written)", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), "");
    expect(dataDirLockHolder(dir)).toBe("another process");
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another process.*delete .*hookline\.lock/);
  });

  it("names a live holder, and nobody once it has died", async () => {
    const dir = tempDir();
    expect(dataDirLockHolder(dir)).toBeNull();
    const child = await holdInChild(dir);
    expect(dataDirLockHolder(dir)).toMatch(new RegExp(`^process ${child.pid} on `));
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(dataDirLockHolder(dir)).toBeNull();
  });

  it("of several processes starting at once on a stale lock, exactly one wins", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 2 ** 22 + 1, hostname: os.hostname(), startedAt: "long ago" }));
    const script = `import { acquireDataDirLock } from "./lib/db/data-dir-lock.ts";
      try { acquireDataDirLock(${JSON.stringify(dir)}); console.log("won"); } catch { console.log("lost"); }
      setTimeout(() => {}, 1500);`;
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => {
        const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], {
          cwd: process.cwd(),
          stdio: ["ignore", "pipe", "inherit"],
        });
        children.push(child);
        return new Promise<string>((resolve) => child.stdout?.on("data", (d: Buffer) => resolve(d.toString().trim())));
      }),
    );
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  });
});

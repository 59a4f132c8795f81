import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite is a single in-process backend with no lock of its own: two processes opening the same data
// directory were measured losing a write. A lock file with the owner's pid refuses the second one.

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataDirLockedError";
  }
}

type LockOwner = { pid: number; hostname: string; startedAt: string };

export const LOCK_FILE_NAME = "hookline.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

export type DataDirLock = { path: string; release: () => void };

/** Takes the data directory for this process, or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    // A lock written by a process on another host (shared volume) cannot be checked: refuse.
    const isStale = owner !== null && owner.hostname === me.hostname && owner.pid !== process.pid && !isAlive(owner.pid);
    if (!isStale) {
      const who = owner ? `process ${owner.pid} on ${owner.hostname} since ${owner.startedAt}` : "another process";
      throw new DataDirLockedError(
        `The embedded database in ${path.resolve(dataDir)} is in use by ${who}. Only one Hookline process may open it: stop that one first (if none is running, delete ${lockPath}).`,
      );
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}; another process is starting on the same data directory.`);
}

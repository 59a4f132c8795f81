import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { processGlobals } from "../process-globals";

// PGlite is a single in-process backend with no lock of its own: two processes opening the same data
// directory were measured losing a write. A lock file naming its owner refuses the second one.

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataDirLockedError";
  }
}

/** `token` tells this process from an earlier one that had the same pid (pids repeat in containers). */
type LockOwner = { pid: number; hostname: string; startedAt: string; token?: string };

export const LOCK_FILE_NAME = "hookline.lock";

const globals = processGlobals();
globals.processToken ??= randomUUID();
const PROCESS_TOKEN = globals.processToken;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.hostname === "string" ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote this lock is gone. A lock from another host (a shared volume)
 * cannot be checked and counts as live; so does one that cannot be read (it may be half-written).
 */
function isStale(owner: LockOwner | null): boolean {
  if (!owner || owner.hostname !== os.hostname()) return false;
  if (owner.pid === process.pid) return owner.token !== PROCESS_TOKEN; // our pid, an earlier life
  return !isAlive(owner.pid);
}

function describeOwner(owner: LockOwner | null): string {
  return owner ? `process ${owner.pid} on ${owner.hostname} since ${owner.startedAt}` : "another process";
}

/** Who holds the data directory now, in words, or null when nobody live does. */
export function dataDirLockHolder(dataDir: string): string | null {
  const text = readText(path.join(dataDir, LOCK_FILE_NAME));
  if (text === null) return null;
  const owner = parseOwner(text);
  return isStale(owner) ? null : describeOwner(owner);
}

/**
 * Removes a stale lock only if it is still the one judged stale: two processes starting at once
 * after a crash must not both take over. The rename is atomic, so exactly one of them moves it.
 */
function removeStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // already gone
  }
  if (readText(aside) !== staleText) {
    // We moved a lock another process has just written: put it back.
    try {
      fs.linkSync(aside, lockPath);
    } catch {}
  }
  fs.rmSync(aside, { force: true });
}

/** `lostReason`: why the data directory is no longer this process's (null while it is): see below. */
export type DataDirLock = { path: string; release: () => void; lostReason: () => string | null };

/**
 * Whether the data directory is still there and ours: its lock file still names this process, and
 * the database folder can still be read and written. A directory deleted (rm -rf) or taken away
 * under a running server is otherwise not noticed: PGlite keeps writing to deleted files, and every
 * write since is gone at the next start.
 */
function lostReason(dataDir: string, lockPath: string, myText: string): string | null {
  const text = readText(lockPath);
  if (text === null) return `its lock file ${lockPath} is gone (was the data directory deleted?)`;
  if (text !== myText) return `its lock file ${lockPath} now names another process`;
  try {
    fs.accessSync(path.join(dataDir, "pglite"), fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    return `the database folder cannot be used any more (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return null;
}

/** Takes the data directory for this process, or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), token: PROCESS_TOKEN };
  const myText = JSON.stringify(me);
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(lockPath, myText, { flag: "wx", mode: 0o600 });
      let isReleased = false;
      const release = () => {
        isReleased = true;
        if (readText(lockPath) === myText) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { path: lockPath, release, lostReason: () => (isReleased ? null : lostReason(dataDir, lockPath, myText)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const text = readText(lockPath);
    if (text === null) continue; // removed meanwhile: try again
    const owner = parseOwner(text);
    if (!isStale(owner)) {
      throw new DataDirLockedError(
        `The embedded database in ${path.resolve(dataDir)} is in use by ${describeOwner(owner)}. Only one Hookline process may open it: stop that one first (if none is running, delete ${lockPath}).`,
      );
    }
    removeStale(lockPath, text);
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}; another process is starting on the same data directory.`);
}

import "server-only";
import fs from "node:fs";
import path from "node:path";

// The data directory holds the embedded database (users, password hashes, sealed secrets, pg_control),
// secrets.json, the lock file and the first admin's password: no other local user may read or write
// any of it. PGlite's WASM file system creates each file and then chmods it to the mode PostgreSQL
// asked for inside WASM (0666 for the ~970 files initdb unpacks, 0644 for pg_internal.init); a chmod
// is not subject to the umask, so the umask alone covers only directories. Hence a walk that takes
// group and other bits off everything, on each open and close, under a data directory that is 0700
// itself (so a file that is briefly 0644 between two walks cannot be reached by anyone else).

export const PRIVATE_UMASK = 0o077;
const GROUP_OTHER_BITS = 0o077;

export class DataDirPermissionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DataDirPermissionError";
  }
}

function strip(entry: string, mode: number): boolean {
  if ((mode & GROUP_OTHER_BITS) === 0) return false;
  // Owner bits stay: 0666 becomes 0600, 0755 becomes 0700, a file made read-only on purpose stays so.
  fs.chmodSync(entry, mode & 0o7700);
  return true;
}

/**
 * Takes group and other permissions off `root` and everything under it; returns how many entries it
 * changed. Symlinks inside are neither followed nor changed (`root` itself may be one, to a volume).
 * Throws DataDirPermissionError for an entry it may not chmod (it belongs to another user).
 */
export function makePrivate(root: string): number {
  let changed = 0;
  const pending = [root];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    try {
      const stat = entry === root ? fs.statSync(entry) : fs.lstatSync(entry);
      if (stat.isSymbolicLink()) continue;
      if (strip(entry, stat.mode)) changed++;
      if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) pending.push(path.join(entry, name));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue; // removed meanwhile
      if (code === "EPERM" || code === "EACCES")
        throw new DataDirPermissionError(
          `Cannot make ${entry} private to this user (${code}): it belongs to another user. Give the data directory to the user Hookline runs as (chown -R).`,
          { cause: error },
        );
      throw error;
    }
  }
  return changed;
}

let holders = 0;
let previousUmask = 0;

/**
 * Sets the process umask to 077 until the returned release is called (counted, so two open
 * databases in one process, as in tests, restore it once). Process-wide on purpose: PGlite writes
 * from this process at any time (new relation files, WAL segments, new database folders). A
 * server keeps its database open for its whole life, so everything it creates meanwhile (Next's
 * cache, logs) is private to its user too; that is acceptable for a server process.
 */
export function holdPrivateUmask(): () => void {
  try {
    if (holders === 0) previousUmask = process.umask(PRIVATE_UMASK);
  } catch {
    // Worker threads may not change the umask; the walks in makePrivate still apply.
    return () => {};
  }
  holders++;
  let isReleased = false;
  return () => {
    if (isReleased) return;
    isReleased = true;
    if (--holders === 0) process.umask(previousUmask);
  };
}

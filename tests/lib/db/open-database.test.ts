import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { DatabaseUnavailableError, openDatabase } from "@/lib/db/open-database";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("openDatabase (embedded, data directory)", () => {
  it("creates missing folders, migrates on first open, and keeps data across a reopen", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-open-"));
    dirs.push(root);
    const dataDir = path.join(root, "nested", "data");
    const first = await openDatabase({ kind: "pglite", dataDir });
    expect(first.applied.length).toBeGreaterThan(0);
    await first.prisma.user.create({ data: { email: "stays@example.com", passwordHash: "h" } });
    // A second opener while the first is open is refused, not allowed to corrupt it.
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(DataDirLockedError);
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir });
    expect(second.applied).toEqual([]);
    expect(await second.prisma.user.findMany({ select: { email: true } })).toEqual([{ email: "stays@example.com" }]);
    await second.close();
    expect(fs.existsSync(path.join(dataDir, "hookline.lock"))).toBe(false);
  });
});

describe("openDatabase (embedded, an instance the caller keeps)", () => {
  it("migrates it and seeds the catalog, and closing the Database leaves the instance open", async () => {
    const instance = await PGlite.create();
    try {
      const first = await openDatabase({ kind: "pglite", instance });
      expect(first.applied.length).toBeGreaterThan(0);
      expect(await first.prisma.eventType.count()).toBeGreaterThan(0);
      await first.prisma.user.create({ data: { email: "kept@example.com", passwordHash: "h" } });
      await first.close();
      expect(instance.closed).toBe(false);
      const second = await openDatabase({ kind: "pglite", instance });
      expect(second.applied).toEqual([]);
      expect(await second.prisma.user.count()).toBe(1);
      await second.close();
    } finally {
      await instance.close();
    }
  });
});

/** Every entry under `root` that some other user could read, write or enter, with its mode. */
function groupOrWorldAccessible(root: string): string[] {
  const found: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.mode & 0o077) found.push(`${path.relative(root, entry) || "."} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return found;
}

describe("openDatabase (embedded, in memory from a dump)", () => {
  it("starts from another in-memory database's dump: its rows and migrations, nothing left to apply, and no link back", async () => {
    const first = await openDatabase({ kind: "pglite", dataDir: null });
    await first.prisma.project.create({ data: { id: "p1", name: "From the dump" } });
    const dump = await first.dumpDataDir?.();
    await first.close();
    if (!dump) throw new Error("an in-memory PGlite can be dumped");
    const copy = await openDatabase({ kind: "pglite", dataDir: null, initialData: dump });
    const other = await openDatabase({ kind: "pglite", dataDir: null, initialData: dump });
    try {
      expect(copy.applied).toEqual([]);
      expect(await copy.prisma.project.findMany({ select: { id: true, name: true } })).toEqual([{ id: "p1", name: "From the dump" }]);
      await copy.prisma.project.create({ data: { id: "p2", name: "Only in the copy" } });
      expect(await other.prisma.project.count()).toBe(1);
    } finally {
      await copy.close();
      await other.close();
    }
  });
});

describe("openDatabase (embedded, file permissions)", () => {
  it("keeps the data directory 0700 and its files 0600, and fixes an older install on start", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-perm-"));
    dirs.push(root);
    fs.chmodSync(root, 0o755); // only the data directory is ours to lock down
    const dataDir = path.join(root, "data");
    const umaskBefore = process.umask(0o022); // the common default, under which PGlite left 0666 files
    try {
      const first = await openDatabase({ kind: "pglite", dataDir });
      await first.prisma.user.create({ data: { email: "a@example.com", passwordHash: "h" } });
      await first.prisma.$executeRawUnsafe("create table scratch (n int)"); // a new relation file
      await first.prisma.$executeRawUnsafe("insert into scratch select generate_series(1, 5000)");
      await first.prisma.$executeRawUnsafe("checkpoint");
      await first.close();
      expect(groupOrWorldAccessible(dataDir)).toEqual([]);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      const control = path.join(dataDir, "pglite", "global", "pg_control");
      expect(fs.statSync(control).mode & 0o777).toBe(0o600);
      expect(process.umask(0o022)).toBe(0o022); // restored once the database is closed

      // An install from before the fix: everything group and world writable, secrets included.
      const secrets = path.join(dataDir, "secrets.json");
      fs.writeFileSync(secrets, "{}");
      for (const file of [control, secrets, path.join(dataDir, "pglite", "PG_VERSION")]) fs.chmodSync(file, 0o666);
      for (const dir of [dataDir, path.join(dataDir, "pglite"), path.join(dataDir, "pglite", "base")]) fs.chmodSync(dir, 0o777);
      const second = await openDatabase({ kind: "pglite", dataDir });
      expect(groupOrWorldAccessible(dataDir)).toEqual([]); // fixed on start, lock file included
      expect(fs.existsSync(path.join(dataDir, "hookline.lock"))).toBe(true);
      await second.prisma.user.create({ data: { email: "b@example.com", passwordHash: "h" } });
      await second.close();

      const third = await openDatabase({ kind: "pglite", dataDir });
      expect(await third.prisma.user.count()).toBe(2);
      await third.close();
      expect(groupOrWorldAccessible(dataDir)).toEqual([]);
      expect(fs.statSync(root).mode & 0o777).toBe(0o755);
    } finally {
      process.umask(umaskBefore);
    }
  });
});

describe("openDatabase (PostgreSQL)", () => {
  it("names the server it cannot reach", async () => {
    const error = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/nowhere" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere \(DATABASE_URL\)/);
  });
});

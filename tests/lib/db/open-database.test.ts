import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

describe("openDatabase (PostgreSQL)", () => {
  it("names the server it cannot reach", async () => {
    const error = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/nowhere" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere \(DATABASE_URL\)/);
  });
});

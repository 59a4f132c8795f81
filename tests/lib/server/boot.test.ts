import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { resetEnvForTests } from "@/lib/env";
import { processGlobals } from "@/lib/process-globals";
import { boot } from "@/lib/server/boot";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { bootEnvPerTest } from "../../helpers/boot-env";

// boot() is what a server process runs once (instrumentation.ts): here it runs in the test process.
const dataDir = bootEnvPerTest("hookline-boot-", 3999);

describe("boot", () => {
  it("migrates, creates the first admin from the env and says how to sign in; shutdown frees the data directory", async () => {
    Object.assign(process.env, { ADMIN_EMAIL: "Boss@Example.com", ADMIN_PASSWORD: "boss-password-123" });
    resetEnvForTests();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await boot();
    const printed = log.mock.calls.map((c) => String(c[0])).join("\n");
    expect(printed).toMatch(/Applied migrations: \d+_init/);
    expect(printed).toContain(
      `Ready on the embedded database in ${dataDir()}. Created the first admin boss@example.com. Sign in at http://localhost:3999/signin`,
    );
    // The first admin is an operator, and an admin of the Default workspace.
    expect(
      await (await getDb()).user.findMany({ select: { email: true, isOperator: true, memberships: { select: { workspaceId: true, role: true } } } }),
    ).toEqual([{ email: "boss@example.com", isOperator: true, memberships: [{ workspaceId: DEFAULT_WORKSPACE_ID, role: "ADMIN" }] }]);
    expect(fs.existsSync(path.join(dataDir(), "hookline.lock"))).toBe(true);
    await processGlobals().shutdown?.(0);
    expect(fs.existsSync(path.join(dataDir(), "hookline.lock"))).toBe(false);
  });

  it("stops the process with one line when the database is refused", async () => {
    // A database that is ahead of this code (it has a migration prisma/migrations lacks).
    const db = await openDatabase({ kind: "pglite", dataDir: dataDir() });
    await db.prisma.$executeRawUnsafe(
      "insert into _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) values ('x', 'abc', '29990101000000_newer', now(), now(), 1)",
    );
    await db.close();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    await expect(boot()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[hookline\] Hookline cannot start: Database refused: the database is ahead of this code: .*29990101000000_newer/),
    ]);
    expect(fs.existsSync(path.join(dataDir(), "hookline.lock"))).toBe(false);
  });
});

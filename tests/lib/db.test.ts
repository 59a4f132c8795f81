import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb, installDatabase, openDb, targetFromEnv } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { resetEnvForTests } from "@/lib/env";
import { restoreEnv } from "../helpers/restore-env";

describe("lib/db", () => {
  const saved = { ...process.env };
  afterEach(async () => {
    await closeDb();
    restoreEnv(saved);
    resetEnvForTests();
  });

  it("targets PostgreSQL when DATABASE_URL is set, else the embedded database in HOOKLINE_DATA_DIR", () => {
    process.env.DATABASE_URL = "postgres://someone@127.0.0.1:5432/app";
    resetEnvForTests();
    expect(targetFromEnv()).toEqual({ kind: "postgres", url: "postgres://someone@127.0.0.1:5432/app" });
    delete process.env.DATABASE_URL;
    process.env.HOOKLINE_DATA_DIR = "/tmp/hookline-db-test-dir";
    resetEnvForTests();
    expect(targetFromEnv()).toEqual({ kind: "pglite", dataDir: "/tmp/hookline-db-test-dir" });
  });

  it("hands out the installed database, the same one to every caller, until it is closed", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    installDatabase(database);
    expect(await openDb()).toBe(database);
    expect(await getDb()).toBe(database.prisma);
    expect(await getDb()).toBe(await getDb());
    await closeDb();
    // Closed for real: the client cannot query any more.
    await expect(database.prisma.$queryRawUnsafe("select 1")).rejects.toThrow();
  });

  it("closing twice, or with nothing open, is harmless; a database that failed to open is forgotten once closed", async () => {
    await closeDb();
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none?connect_timeout=1";
    resetEnvForTests();
    const failed = openDb();
    await expect(failed).rejects.toThrow();
    await closeDb();
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    installDatabase(database);
    expect(await openDb()).toBe(database);
  });
});

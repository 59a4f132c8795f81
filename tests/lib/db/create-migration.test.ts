import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { createMigration } from "@/lib/db/create-migration";
import { deployMigrations } from "@/lib/db/migrations";
import { pgliteAdapterFactory } from "@/lib/db/pglite-adapter";
import { copyPrismaDir } from "../../helpers/prisma-copy";

describe("createMigration", () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const workspace = async () => {
    const copy = copyPrismaDir();
    cleanups.push(() => fs.rmSync(copy.dir, { recursive: true, force: true }));
    const shadow = await PGlite.create();
    cleanups.push(() => shadow.close());
    return { ...copy, factory: pgliteAdapterFactory(shadow) };
  };

  it("writes nothing when the schema matches the migrations", async () => {
    const { paths, factory } = await workspace();
    const before = fs.readdirSync(paths.migrationsDir).sort();
    expect(await createMigration(factory, "nothing", paths)).toBeNull();
    expect(fs.readdirSync(paths.migrationsDir).sort()).toEqual(before);
  });

  it("writes the SQL of a schema change under a timestamped, cleaned-up name, and it applies on top of the history", async () => {
    const { paths, factory } = await workspace();
    fs.appendFileSync(paths.schemaPath, "\nmodel Widget {\n  id Int @id\n  label String\n}\n");
    const created = await createMigration(factory, "Add widget!", paths, new Date("2999-01-02T03:04:05Z"));
    expect(created).toBe(path.join(paths.migrationsDir, "29990102030405_add_widget_"));
    expect(fs.readFileSync(path.join(created as string, "migration.sql"), "utf8")).toContain('CREATE TABLE "Widget"');
    const pg = await PGlite.create();
    cleanups.push(() => pg.close());
    const applied = await deployMigrations(pgliteAdapterFactory(pg), paths);
    expect(applied.at(-1)).toBe("29990102030405_add_widget_");
    const { rows } = await pg.query<{ n: number }>('select count(*)::int as n from "Widget"');
    expect(rows[0]?.n).toBe(0);
  });

  it("writes the lock file when it is missing, and keeps an existing one as it is", async () => {
    const { paths, factory } = await workspace();
    const lock = path.join(paths.migrationsDir, "migration_lock.toml");
    fs.rmSync(lock);
    await createMigration(factory, "none", paths);
    expect(fs.readFileSync(lock, "utf8")).toContain('provider = "postgresql"');
    // The engine reads the provider from it, so an edited one must still name it.
    fs.writeFileSync(lock, '# kept as it is\nprovider = "postgresql"\n');
    await createMigration(factory, "none", paths);
    expect(fs.readFileSync(lock, "utf8")).toBe('# kept as it is\nprovider = "postgresql"\n');
  });
});

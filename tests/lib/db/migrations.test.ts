import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PATHS, MigrationHistoryError, migrationChecksum } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/open-database";
import { pgliteAdapterFactory } from "@/lib/db/pglite-adapter";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { TEST_DATABASES, type TestPostgres } from "../../helpers/databases";
import { copyPrismaDir } from "../../helpers/prisma-copy";

function migrationNames(): string[] {
  return fs
    .readdirSync(DEFAULT_PATHS.migrationsDir)
    .filter((n) => fs.statSync(path.join(DEFAULT_PATHS.migrationsDir, n)).isDirectory())
    .sort();
}

describe.each(TEST_DATABASES)("migrations on $name", (backend) => {
  const open: Database[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });
  const fresh = async () => {
    const db = await backend.openBlank();
    open.push(db);
    return db;
  };

  it("applies every migration once and records them as `prisma migrate deploy` does", async () => {
    const db = await fresh();
    expect(db.applied).toEqual(migrationNames());
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]>(
      "select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations order by migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(DEFAULT_PATHS.migrationsDir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(migrationChecksum(sql));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    // The schema is really there: a user can be written.
    await db.prisma.user.create({ data: { email: "x@y.io", passwordHash: "h" } });
    expect(await db.prisma.user.count()).toBe(1);
  });
});

/** A database that survives being closed and opened again: a PGlite data folder, or a PostgreSQL database. */
describe.each(["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])])("reopening a %s database", (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** open(): the database through the app's own opener; tables(): its table names, read around it. */
  async function persistent() {
    const { openDatabase } = await import("@/lib/db/open-database");
    if (kind === "pglite") {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-reopen-"));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const tables = async () => {
        const raw = await PGlite.create(path.join(dataDir, "pglite"));
        const { rows } = await raw.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
        await raw.close();
        return rows.map((r) => r.table_name);
      };
      return { open: (paths = DEFAULT_PATHS) => openDatabase({ kind: "pglite", dataDir }, paths), tables };
    }
    const pgdb = (await TEST_DATABASES.find((d) => d.name === "postgres")?.open()) as TestPostgres;
    cleanups.push(() => pgdb.close());
    const tables = async () =>
      (await pgdb.prisma.$queryRawUnsafe<{ table_name: string }[]>("select table_name from information_schema.tables where table_schema = 'public'")).map(
        (r) => r.table_name,
      );
    return { open: (paths = DEFAULT_PATHS) => openDatabase({ kind: "postgres", url: pgdb.url }, paths), tables };
  }

  it("is a no-op the second time and keeps the data", async () => {
    const { open } = await persistent();
    const first = await open();
    await first.prisma.user.create({ data: { email: "keep@y.io", passwordHash: "h" } });
    await first.close();
    const again = await open();
    cleanups.push(() => again.close());
    expect(again.applied).toEqual([]);
    expect(await again.prisma.user.count()).toBe(1);
  });

  it("refuses to open a database that is ahead of the code", async () => {
    const { open } = await persistent();
    const first = await open();
    await first.prisma.$executeRawUnsafe(
      "insert into _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) values ('x', 'abc', '29990101000000_from_the_future', now(), now(), 1)",
    );
    await first.close();
    await expect(open()).rejects.toThrow(/Database refused: the database is ahead of this code.*29990101000000_from_the_future/);
  });

  it("refuses a database whose history diverged from the code's, applying nothing", async () => {
    const { dir, paths } = copyPrismaDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const { open, tables } = await persistent();
    const first = await open();
    // The database got a migration from another branch; this code has a new one of its own.
    await first.prisma.$executeRawUnsafe(
      "insert into _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) values ('y', 'abc', '29980101000000_other_branch', now(), now(), 1)",
    );
    await first.close();
    fs.mkdirSync(path.join(paths.migrationsDir, "29990101000000_this_branch"));
    fs.writeFileSync(path.join(paths.migrationsDir, "29990101000000_this_branch", "migration.sql"), 'CREATE TABLE "ThisBranch" (id int);\n');
    await expect(open(paths)).rejects.toThrow(/has diverged from this code.*29980101000000_other_branch/);
    expect(await tables()).toContain("Webhook");
    expect(await tables()).not.toContain("ThisBranch");
  });
});

describe("migration history checks (PGlite)", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function migratedPglite(paths = DEFAULT_PATHS) {
    const { deployMigrations } = await import("@/lib/db/migrations");
    const pg = await PGlite.create();
    cleanups.push(() => pg.close());
    await deployMigrations(pgliteAdapterFactory(pg), paths);
    return { pg, deploy: (p = paths) => deployMigrations(pgliteAdapterFactory(pg), p) };
  }

  /**
   * A database migrated up to, not including, the migration named `suffix`: that one and every later
   * one are set aside, so a test can write the data an upgrade meets; `upgrade` applies them.
   */
  async function migratedBefore(suffix: string) {
    const { dir, paths } = copyPrismaDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const all = fs
      .readdirSync(paths.migrationsDir)
      .filter((n) => n !== "migration_lock.toml")
      .sort();
    const from = all.findIndex((n) => n.endsWith(`_${suffix}`));
    expect(from).toBeGreaterThan(0);
    const aside = path.join(dir, "aside");
    fs.mkdirSync(aside);
    for (const name of all.slice(from)) fs.renameSync(path.join(paths.migrationsDir, name), path.join(aside, name));
    const { pg, deploy } = await migratedPglite(paths);
    const upgrade = async () => {
      for (const name of all.slice(from)) fs.renameSync(path.join(aside, name), path.join(paths.migrationsDir, name));
      await deploy();
    };
    return { pg, upgrade };
  }

  it("knows a database at the latest migration without the schema engine, and nothing else", async () => {
    const { isUpToDate, listMigrations } = await import("@/lib/db/migrations");
    const { pg } = await migratedPglite();
    const list = await listMigrations(DEFAULT_PATHS.migrationsDir);
    const upToDate = () => isUpToDate(pgliteAdapterFactory(pg), list);
    expect(await upToDate()).toBe(true);
    const last = list.migrationDirectories.at(-1)?.path;
    await pg.query("update _prisma_migrations set finished_at = null where migration_name = $1", [last]);
    expect(await upToDate()).toBe(false); // unfinished
    await pg.query("update _prisma_migrations set finished_at = now(), checksum = 'edited' where migration_name = $1", [last]);
    expect(await upToDate()).toBe(false); // edited after it was applied
    await pg.query("delete from _prisma_migrations where migration_name = $1", [last]);
    expect(await upToDate()).toBe(false); // one still to apply
    const blank = await PGlite.create();
    cleanups.push(() => blank.close());
    expect(await isUpToDate(pgliteAdapterFactory(blank), list)).toBe(false); // no history at all
  });

  it("refuses a database that is ahead of the code", async () => {
    const { pg, deploy } = await migratedPglite();
    await pg.query(
      "insert into _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) values ('x', 'abc', '29990101000000_from_the_future', now(), now(), 1)",
    );
    await expect(deploy()).rejects.toThrow(MigrationHistoryError);
    await expect(deploy()).rejects.toThrow(/ahead of this code.*29990101000000_from_the_future/);
  });

  it("gives webhooks that existed before signature families all three", async () => {
    const { pg, upgrade } = await migratedBefore("signature_families");
    await pg.query(
      `insert into "Webhook" (id, url, "tokenCiphertext", "updatedAt") values ('11111111-1111-4111-8111-111111111111', 'https://x.example/', 'sealed', now())`,
    );
    await upgrade();
    const { rows } = await pg.query<{ signatureFamilies: string[] }>(`select "signatureFamilies" from "Webhook"`);
    expect(rows).toEqual([{ signatureFamilies: ["teamwork", "standard-webhooks", "twenty"] }]);
  });

  it("keeps OAuth applications and tokens from before client types working: confidential, each token a grant of its own", async () => {
    const { pg, upgrade } = await migratedBefore("oauth_client_types_and_grants");
    const app = "11111111-1111-4111-8111-111111111111";
    const token = "22222222-2222-4222-8222-222222222222";
    await pg.query(
      `insert into "OAuthApp" (id, "clientId", name, "secretHash", "redirectUris", scopes) values ('${app}', 'hlc_old', 'Old', 'hash', '{}', '{administrative}')`,
    );
    await pg.query(
      `insert into "OAuthToken" (id, "appId", "accessTokenHash", "accessTokenExpiresAt", scopes, "grantType") values ('${token}', '${app}', 'a', now(), '{}', 'client_credentials')`,
    );
    await upgrade();
    expect((await pg.query(`select "clientType", "secretHash" from "OAuthApp"`)).rows).toEqual([{ clientType: "confidential", secretHash: "hash" }]);
    expect((await pg.query(`select "grantId", "rotatedAt" from "OAuthToken"`)).rows).toEqual([{ grantId: token, rotatedAt: null }]);
  });

  it("ends the credentials that had already outlived their creator's admin role, restorable; keeps an admin's revocations final", async () => {
    const { pg, upgrade } = await migratedBefore("credentials_end_with_creator_admin");
    const [admin, demoted] = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    await pg.exec(`
      insert into "User" (id, email, "passwordHash", role, "updatedAt") values ('${admin}', 'a@x.io', 'h', 'ADMIN', now()), ('${demoted}', 'd@x.io', 'h', 'MEMBER', now());
      insert into "ApiKey" (id, name, prefix, hash, "createdById", "revokedAt") values
        ('a0000000-0000-4000-8000-000000000001', 'admin''s', 'p', 'h1', '${admin}', null),
        ('a0000000-0000-4000-8000-000000000002', 'demoted''s', 'p', 'h2', '${demoted}', null),
        ('a0000000-0000-4000-8000-000000000003', 'deleted creator''s', 'p', 'h3', null, null),
        ('a0000000-0000-4000-8000-000000000004', 'revoked earlier', 'p', 'h4', '${demoted}', '2026-01-01');
      insert into "OAuthApp" (id, "clientId", name, "secretHash", "redirectUris", scopes, "createdById") values
        ('b0000000-0000-4000-8000-000000000001', 'c1', 'admin''s app', 's', '{}', '{}', '${admin}'),
        ('b0000000-0000-4000-8000-000000000002', 'c2', 'demoted''s app', 's', '{}', '{}', '${demoted}');
      insert into "OAuthToken" ("id", "appId", "userId", "accessTokenHash", "accessTokenExpiresAt", scopes, "grantType") values
        ('c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', null, 't1', now() + interval '1 hour', '{}', 'client_credentials'),
        ('c0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', null, 't2', now() + interval '1 hour', '{}', 'client_credentials'),
        ('c0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', '${demoted}', 't3', now() + interval '1 hour', '{}', 'authorization_code');
    `);
    await upgrade();
    const keys = await pg.query<{ name: string; revokedFor: string | null; isRevoked: boolean }>(
      `select name, "revokedFor", "revokedAt" is not null as "isRevoked" from "ApiKey" order by id`,
    );
    expect(keys.rows).toEqual([
      { name: "admin's", revokedFor: null, isRevoked: false },
      { name: "demoted's", revokedFor: "creator_not_admin", isRevoked: true },
      { name: "deleted creator's", revokedFor: "creator_not_admin", isRevoked: true },
      { name: "revoked earlier", revokedFor: "by_admin", isRevoked: true },
    ]);
    const apps = await pg.query(`select name, "revokedFor" from "OAuthApp" order by id`);
    expect(apps.rows).toEqual([
      { name: "admin's app", revokedFor: null },
      { name: "demoted's app", revokedFor: "creator_not_admin" },
    ]);
    const tokens = await pg.query(`select "accessTokenHash", "revokedAt" is not null as "isRevoked" from "OAuthToken" order by id`);
    expect(tokens.rows).toEqual([
      { accessTokenHash: "t1", isRevoked: false },
      { accessTokenHash: "t2", isRevoked: true },
      { accessTokenHash: "t3", isRevoked: true },
    ]);
  });

  it("moves a single site into the Default workspace: every row, its users as members (its admins as operators), its own event types", async () => {
    const { pg, upgrade } = await migratedBefore("workspaces");
    const [admin, member] = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const [webhook, event, delivery, key, app, token, code] = [
      "a0000000-0000-4000-8000-000000000001",
      "a0000000-0000-4000-8000-000000000002",
      "a0000000-0000-4000-8000-000000000003",
      "a0000000-0000-4000-8000-000000000004",
      "a0000000-0000-4000-8000-000000000005",
      "a0000000-0000-4000-8000-000000000006",
      "a0000000-0000-4000-8000-000000000007",
    ];
    await pg.exec(`
      insert into "User" (id, email, "passwordHash", role, "createdAt", "updatedAt") values
        ('${admin}', 'a@x.io', 'h', 'ADMIN', '2026-01-01', now()), ('${member}', 'm@x.io', 'h', 'MEMBER', '2026-02-01', now());
      insert into "Project" (id, name) values ('crm', 'CRM');
      insert into "EventType" (name, description, "group") values ('deals.created', 'A deal was created', 'Deals'), ('invoice.paid', 'An invoice was paid', 'Billing');
      insert into "Webhook" (id, url, "tokenCiphertext", "updatedAt") values ('${webhook}', 'https://x.example/', 'sealed', now());
      insert into "Event" (id, type, payload, "idempotencyKey") values ('${event}', 'invoice.paid', '{}', 'order-1');
      insert into "Delivery" (id, "webhookId", "eventId") values ('${delivery}', '${webhook}', '${event}');
      insert into "ApiKey" (id, name, prefix, hash, "createdById") values ('${key}', 'k', 'p', 'h1', '${admin}');
      insert into "OAuthApp" (id, "clientId", name, "secretHash", "redirectUris", scopes, "createdById") values ('${app}', 'c1', 'App', 's', '{}', '{administrative}', '${admin}');
      insert into "OAuthToken" (id, "grantId", "appId", "userId", "accessTokenHash", "accessTokenExpiresAt", scopes, "grantType") values
        ('${token}', '${code}', '${app}', '${admin}', 't1', now() + interval '1 hour', '{}', 'authorization_code');
      insert into "OAuthCode" (id, "codeHash", "appId", "userId", "redirectUri", scopes, "codeChallenge", "codeChallengeMethod", "expiresAt", "usedAt") values
        ('${code}', 'ch', '${app}', '${admin}', 'https://x.example/cb', '{}', 'cc', 'S256', now(), now());
      insert into "AdminApiKey" ("keyCiphertext") values ('sealed-admin-key');
    `);
    await upgrade();

    expect((await pg.query(`select id, slug, name, "maxInFlight", "rateLimitPerSecond" from "Workspace"`)).rows).toEqual([
      { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default", maxInFlight: null, rateLimitPerSecond: null },
    ]);
    expect((await pg.query(`select "workspaceId", "userId", role, "createdAt" from "Membership" order by "userId"`)).rows).toEqual([
      { workspaceId: DEFAULT_WORKSPACE_ID, userId: admin, role: "ADMIN", createdAt: new Date("2026-01-01T00:00:00Z") },
      { workspaceId: DEFAULT_WORKSPACE_ID, userId: member, role: "MEMBER", createdAt: new Date("2026-02-01T00:00:00Z") },
    ]);
    expect((await pg.query(`select email, "isOperator" from "User" order by email`)).rows).toEqual([
      { email: "a@x.io", isOperator: true },
      { email: "m@x.io", isOperator: false },
    ]);
    const columns = async (table: string) =>
      (await pg.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = $1`, [table])).rows.map(
        (r) => r.column_name,
      );
    expect(await columns("User")).not.toContain("role");
    expect(await columns("AdminApiKey")).not.toContain("id");

    // Every row of the site is Default's, and nothing was lost on the way.
    for (const table of ["Webhook", "Event", "Delivery", "ApiKey", "OAuthApp", "OAuthToken", "OAuthCode", "AdminApiKey", "Project"])
      expect((await pg.query(`select "workspaceId" from "${table}"`)).rows, table).toEqual([{ workspaceId: DEFAULT_WORKSPACE_ID }]);
    expect((await pg.query(`select "keyCiphertext" from "AdminApiKey"`)).rows).toEqual([{ keyCiphertext: "sealed-admin-key" }]);
    // The built-in catalog stays shared; a type the host registered is now Default's own.
    expect((await pg.query(`select name from "EventType"`)).rows).toEqual([{ name: "deals.created" }]);
    expect((await pg.query(`select "workspaceId", name, description, "group" from "CustomEventType"`)).rows).toEqual([
      { workspaceId: DEFAULT_WORKSPACE_ID, name: "invoice.paid", description: "An invoice was paid", group: "Billing" },
    ]);

    // SQL that names no workspace still lands in Default; keys, project ids and the admin key are per workspace.
    await pg.query(
      `insert into "Webhook" (id, url, "tokenCiphertext", "updatedAt") values ('a0000000-0000-4000-8000-000000000008', 'https://y.example/', 'sealed', now())`,
    );
    expect((await pg.query(`select "workspaceId" from "Webhook" where url = 'https://y.example/'`)).rows).toEqual([{ workspaceId: DEFAULT_WORKSPACE_ID }]);
    const acme = "b0000000-0000-4000-8000-000000000001";
    await pg.query(`insert into "Workspace" (id, slug, name, "updatedAt") values ('${acme}', 'acme', 'Acme', now())`);
    await pg.query(
      `insert into "Event" ("workspaceId", id, type, payload, "idempotencyKey") values ('${acme}', gen_random_uuid(), 'invoice.paid', '{}', 'order-1')`,
    );
    await expect(
      pg.query(`insert into "Event" (id, type, payload, "idempotencyKey") values (gen_random_uuid(), 'invoice.paid', '{}', 'order-1')`),
    ).rejects.toThrow(/unique/);
    await pg.query(`insert into "Project" ("workspaceId", id, name) values ('${acme}', 'crm', 'Acme CRM')`);
    await expect(pg.query(`insert into "Project" (id, name) values ('crm', 'Again')`)).rejects.toThrow(/unique|duplicate/);
    await pg.query(`insert into "AdminApiKey" ("workspaceId", "keyCiphertext") values ('${acme}', 'sealed-acme-key')`);
    await expect(pg.query(`insert into "AdminApiKey" ("keyCiphertext") values ('a second one')`)).rejects.toThrow(/unique|duplicate/);
  });

  it("refuses a migration edited after it was applied", async () => {
    const { dir, paths } = copyPrismaDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const { deploy } = await migratedPglite(paths);
    const first = fs
      .readdirSync(paths.migrationsDir)
      .filter((n) => n !== "migration_lock.toml")
      .sort()[0] as string;
    fs.appendFileSync(path.join(paths.migrationsDir, first, "migration.sql"), "\n-- edited\n");
    await expect(deploy()).rejects.toThrow(/was edited after it was applied/);
  });

  it("a blank database gets every migration without the engine; one that fails there is recorded as failed and refused next time", async () => {
    const { deployMigrations } = await import("@/lib/db/migrations");
    const { dir, paths } = copyPrismaDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(paths.migrationsDir, "29990101000000_broken"));
    fs.writeFileSync(path.join(paths.migrationsDir, "29990101000000_broken", "migration.sql"), 'SELECT * FROM "no_such_table";\n');
    const pg = await PGlite.create();
    cleanups.push(() => pg.close());
    await expect(deployMigrations(pgliteAdapterFactory(pg), paths)).rejects.toThrow(/migration 29990101000000_broken failed: .*no_such_table/);
    const { rows } = await pg.query<{ migration_name: string; finished_at: Date | null; logs: string | null }>(
      "select migration_name, finished_at, logs from _prisma_migrations order by migration_name",
    );
    expect(rows.slice(0, -1).every((r) => r.finished_at !== null)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ migration_name: "29990101000000_broken", finished_at: null, logs: expect.stringContaining("no_such_table") });
    await expect(deployMigrations(pgliteAdapterFactory(pg), paths)).rejects.toThrow(/29990101000000_broken failed earlier/);
  });

  it("records a failing migration as failed, applies nothing after it, and then refuses to start", async () => {
    const { dir, paths } = copyPrismaDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const { pg, deploy } = await migratedPglite(paths);
    fs.mkdirSync(path.join(paths.migrationsDir, "29990101000000_broken"));
    fs.writeFileSync(path.join(paths.migrationsDir, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "Ok" (id int);\nSELECT * FROM "no_such_table";\n');
    await expect(deploy()).rejects.toThrow();
    const { rows } = await pg.query<{ finished_at: Date | null }>("select finished_at from _prisma_migrations where migration_name = '29990101000000_broken'");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.finished_at).toBeNull();
    await expect(deploy()).rejects.toThrow(/29990101000000_broken failed earlier/);
  });
});

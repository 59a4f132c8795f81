import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, installDatabase } from "@/lib/db";
import { acquireDataDirLock } from "@/lib/db/data-dir-lock";
import { openDatabase } from "@/lib/db/open-database";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/api-keys";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-script-"));
  dirs.push(d);
  return d;
}

/** Runs an entry point as `npm start` / `npm run cli` do (compiled), with only the given env on top of PATH/HOME. */
function runScript(script: string, args: string[], env: Record<string, string>, input?: string) {
  const entry = path.basename(script, ".ts");
  const result = spawnSync(process.execPath, ["scripts/launch.mjs", entry, ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("npm start with bad configuration", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["DATABASE_URL=nonsense", { DATABASE_URL: "nonsense" }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ["ADMIN_PASSWORD too short", { ADMIN_EMAIL: "a@example.com", ADMIN_PASSWORD: "short" }, /ADMIN_PASSWORD must be at least 12 characters/],
    ["DATABASE_URL without HOOKLINE_SECRET_KEY", { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }, /HOOKLINE_SECRET_KEY is required/],
    ["PORT out of range", { PORT: "99999" }, /PORT must be at most 65535/],
  ];
  it.each(cases)("%s: one line naming it, exit 1, nothing written", (_name, env, pattern) => {
    const dataDir = path.join(tempDir(), "data");
    const result = runScript("scripts/start.ts", [], { HOOKLINE_DATA_DIR: dataDir, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[hookline\] Configuration error: /);
    expect(result.stderr).toMatch(pattern);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("an unreachable PostgreSQL stops the start before any build", () => {
    const result = runScript("scripts/start.ts", [], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/test",
      HOOKLINE_SECRET_KEY: "ab".repeat(32),
      AUTH_SECRET: "s".repeat(40),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\[hookline\] Cannot connect to PostgreSQL \(DATABASE_URL\)/);
    expect(result.stdout).not.toContain("Building");
  });

  it("a data directory held by a running server stops the start", () => {
    const dataDir = tempDir();
    const lock = acquireDataDirLock(dataDir); // this test process plays the running server
    try {
      const result = runScript("scripts/start.ts", [], { HOOKLINE_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      lock.release();
    }
  });
});

describe("npm run cli", () => {
  it("creates users from a password on stdin and lists them", () => {
    const env = { HOOKLINE_DATA_DIR: tempDir() };
    const created = runScript("scripts/cli.ts", ["user", "create", "--admin", "--email", "Root@Example.com", "--password-stdin"], env, "root-password-123\n");
    // The first admin of an install is its operator, however it is made.
    expect(created).toMatchObject({ code: 0, stdout: "Created admin root@example.com in default (operator)." });
    const list = runScript("scripts/cli.ts", ["user", "list"], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^root@example\.com\toperator\tdefault:ADMIN\t/); // an operator, and an admin of the Default workspace
  }, 60_000); // two CLI processes, the first creating the embedded database: ~10 s apiece on a busy 2-core machine

  it("workspace create, list, add-member and remove-member, and user create --workspace", () => {
    const env = { HOOKLINE_DATA_DIR: tempDir() };
    const pw = "member-password-12\n";
    // One process per command, as an operator runs them; PGlite opens in each (~5-10 s apiece here).
    expect(runScript("scripts/cli.ts", ["workspace", "create", "--name", "Acme Corp", "--slug", "acme"], env).stdout).toMatch(
      /^Created workspace Acme Corp \(slug acme, id [0-9a-f-]{36}\)\.$/,
    );
    const made = runScript(
      "scripts/cli.ts",
      ["user", "create", "--email", "ann@acme.example", "--role", "ADMIN", "--workspace", "acme", "--password-stdin"],
      env,
      pw,
    );
    expect(made).toMatchObject({ code: 0, stdout: "Created admin ann@acme.example in acme (operator)." }); // the install's first admin
    expect(
      runScript("scripts/cli.ts", ["workspace", "add-member", "--workspace", "default", "--email", "ann@acme.example", "--role", "member"], env).stdout,
    ).toBe("ann@acme.example is a member of default.");
    const list = runScript("scripts/cli.ts", ["workspace", "list"], env).stdout.split("\n");
    expect(list.map((l) => l.split("\t")[0])).toEqual(["default", "acme"]);
    expect(runScript("scripts/cli.ts", ["user", "list"], env).stdout).toMatch(/^ann@acme\.example\toperator\tacme:ADMIN,default:MEMBER\t/);
    expect(runScript("scripts/cli.ts", ["workspace", "remove-member", "--workspace", "default", "--email", "ann@acme.example"], env).code).toBe(0);
    const missing = runScript("scripts/cli.ts", ["workspace", "remove-member", "--workspace", "nope", "--email", "ann@acme.example"], env);
    expect(missing).toMatchObject({ code: 1, stderr: "Workspace not found" });
  }, 180_000);

  it("says what is wrong and changes nothing on bad input", () => {
    const env = { HOOKLINE_DATA_DIR: tempDir() };
    const short = runScript("scripts/cli.ts", ["user", "create", "--email", "a@example.com", "--password-stdin"], env, "short\n");
    expect(short.code).toBe(1);
    expect(short.stderr).toBe("password: Password must be at least 12 characters");
    const usage = runScript("scripts/cli.ts", ["user", "frobnicate", "--email", "a@example.com"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run cli");
    expect(runScript("scripts/cli.ts", ["user", "list"], env).stdout).toBe("");
  }, 90_000); // CLI processes, each opening the embedded database: seconds apiece on a busy 2-core machine

  it("set-role MEMBER says how many credentials the user made it revoked, and that the shared Worksection key may need regenerating", async () => {
    const dataDir = tempDir();
    const database = await openDatabase({ kind: "pglite", dataDir });
    installDatabase(database);
    try {
      const ctx = defaultWorkspaceContext(database.prisma);
      const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
      await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
      await createApiKey(ctx, { name: "one" }, ada.id);
      await createApiKey(ctx, { name: "two" }, ada.id);
      await createOAuthApp(ctx, { name: "app", redirectUris: [], scopes: ["webhooks:read"] }, ada.id);
      await regenerateAdminApiKey(ctx);
    } finally {
      await closeDb(); // the CLI must be the only process with the embedded database open
    }
    const result = runScript("scripts/cli.ts", ["user", "set-role", "--email", "Ada@example.com", "--role", "member"], { HOOKLINE_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "ada@example.com is now MEMBER.",
      "Revoked 2 API keys and 1 OAuth application created by ada@example.com (an admin can restore them in Settings).",
      "The Worksection admin API key is shared by the workspace's admins: if ada@example.com knew it, regenerate it in Settings → API keys.",
    ]);
    const again = runScript("scripts/cli.ts", ["user", "set-role", "--email", "ada@example.com", "--role", "ADMIN"], { HOOKLINE_DATA_DIR: dataDir });
    expect(again).toMatchObject({ code: 0, stdout: "ada@example.com is now ADMIN." });
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    installDatabase(reopened);
    try {
      expect((await listApiKeys(defaultWorkspaceContext(reopened.prisma))).map((k) => k.revokedReason)).toEqual(["creator_not_admin", "creator_not_admin"]); // promotion restores nothing
    } finally {
      await closeDb();
    }
  }, 120_000);

  it("is refused while a server holds the embedded database", () => {
    const dataDir = tempDir();
    const lock = acquireDataDirLock(dataDir);
    try {
      const result = runScript("scripts/cli.ts", ["user", "list"], { HOOKLINE_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/DataDirLockedError: The embedded database in .* is in use by process/);
    } finally {
      lock.release();
    }
  });
});

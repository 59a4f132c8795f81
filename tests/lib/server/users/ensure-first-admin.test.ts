import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { signInHint } from "@/lib/server/boot";
import { authenticateUser } from "@/lib/server/users/authenticate-user";
import { createUser } from "@/lib/server/users/create-user";
import {
  ensureFirstAdmin,
  forgetInitialPassword,
  GENERATED_ADMIN_EMAIL,
  INITIAL_PASSWORD_FILE,
  initialPasswordHint,
} from "@/lib/server/users/ensure-first-admin";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.each(TEST_DATABASES)("ensureFirstAdmin on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  /** The first admin is an operator and an admin of the Default workspace. */
  const adminOfDefault = async (userId: string | undefined) =>
    (await db().prisma.membership.findMany({ where: { userId }, select: { workspaceId: true, role: true } })).some(
      (m) => m.workspaceId === DEFAULT_WORKSPACE_ID && m.role === "ADMIN",
    );

  it("creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is no user", async () => {
    const result = await ensureFirstAdmin({ adminEmail: "Boss@Example.com", adminPassword: "boss-password-123", dataDir: null });
    expect(result).toEqual({ kind: "created-from-env", email: "boss@example.com" });
    const boss = await authenticateUser({ email: "boss@example.com", password: "boss-password-123" }, null, new LoginThrottle());
    expect(boss).toMatchObject({ isOperator: true });
    expect(await adminOfDefault(boss?.id)).toBe(true);
  });

  it("does nothing once any user exists, whatever the env says", async () => {
    await createUser({ email: "first@example.com", password: "first-password-1" });
    expect(await ensureFirstAdmin({ adminEmail: "second@example.com", adminPassword: "second-password", dataDir: null })).toEqual({ kind: "exists", users: 1 });
    expect(await db().prisma.user.count()).toBe(1);
  });

  it("in embedded mode without env, makes an admin whose password is only in a 0600 file", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-admin-"));
    dirs.push(dataDir);
    const result = await ensureFirstAdmin({ dataDir });
    expect(result).toEqual({ kind: "created-generated", email: GENERATED_ADMIN_EMAIL, passwordFile: path.join(dataDir, INITIAL_PASSWORD_FILE) });
    const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    const admin = await authenticateUser({ email: GENERATED_ADMIN_EMAIL, password }, null, new LoginThrottle());
    expect(admin).toMatchObject({ isOperator: true });
    expect(await adminOfDefault(admin?.id)).toBe(true);
    expect(signInHint(result, "http://localhost:3000")).toContain(file);
    expect(signInHint(result, "http://localhost:3000")).not.toContain(password);
    // The sign-in page names the file (never its contents) until the generated password is changed.
    expect(initialPasswordHint(dataDir)).toEqual({ email: GENERATED_ADMIN_EMAIL, passwordFile: path.resolve(file) });
    expect(initialPasswordHint(null)).toBeNull();
    forgetInitialPassword("someone-else@example.com", dataDir);
    expect(fs.existsSync(file)).toBe(true);
    forgetInitialPassword(` ${GENERATED_ADMIN_EMAIL.toUpperCase()} `, dataDir);
    expect(fs.existsSync(file)).toBe(false);
    expect(initialPasswordHint(dataDir)).toBeNull();
  });

  it("with PostgreSQL and no env, creates nobody and says how to", async () => {
    const result = await ensureFirstAdmin({ dataDir: null });
    expect(result).toEqual({ kind: "none" });
    expect(await db().prisma.user.count()).toBe(0);
    expect(signInHint(result, "http://x")).toContain("npm run cli -- user create --admin");
  });
});

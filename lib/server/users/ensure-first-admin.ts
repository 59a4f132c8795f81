import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../../db";
import { systemSource } from "../../db/audited-change";
import { createUser, UserExistsError } from "./create-user";

export const GENERATED_ADMIN_EMAIL = "admin@hookline.local";
export const INITIAL_PASSWORD_FILE = "initial-admin-password";

export type TFirstAdmin =
  | { kind: "exists"; users: number }
  | { kind: "created-from-env"; email: string }
  | { kind: "created-generated"; email: string; passwordFile: string }
  | { kind: "none" };

type Options = { adminEmail?: string; adminPassword?: string; dataDir: string | null };

/**
 * Runs at start. Only when the database has no user at all: creates the admin (of the Default
 * workspace, and the installation's operator) from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or (embedded mode, no env) one with a generated password written to a 0600 file
 * in the data directory, so the password never lands in a log.
 */
export async function ensureFirstAdmin({ adminEmail, adminPassword, dataDir }: Options): Promise<TFirstAdmin> {
  const db = await getDb();
  const users = await db.user.count();
  if (users > 0) return { kind: "exists", users };
  try {
    if (adminEmail && adminPassword) {
      await createUser({ email: adminEmail, password: adminPassword, role: "ADMIN" }, { isOperator: true }, systemSource("first start"));
      return { kind: "created-from-env", email: adminEmail.toLowerCase() };
    }
    if (!dataDir) return { kind: "none" };
    const password = randomBytes(18).toString("base64url");
    const passwordFile = path.join(dataDir, INITIAL_PASSWORD_FILE);
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    await createUser({ email: GENERATED_ADMIN_EMAIL, password, role: "ADMIN" }, { isOperator: true }, systemSource("first start"));
    return { kind: "created-generated", email: GENERATED_ADMIN_EMAIL, passwordFile };
  } catch (error) {
    // Another app process on the same PostgreSQL created it first.
    if (error instanceof UserExistsError) return { kind: "exists", users: await db.user.count() };
    throw error;
  }
}

/**
 * For the sign-in page of a new embedded install: where the generated first password is, while its
 * file is still there (an admin who changes their password removes it: lib/server/users/update-user.ts).
 * Names the file only; its contents never leave it.
 */
export function initialPasswordHint(dataDir: string | null): { email: string; passwordFile: string } | null {
  if (!dataDir) return null;
  const passwordFile = path.resolve(dataDir, INITIAL_PASSWORD_FILE);
  return fs.existsSync(passwordFile) ? { email: GENERATED_ADMIN_EMAIL, passwordFile } : null;
}

/** The generated first password is no longer the admin's: its file goes (and the sign-in hint with it). */
export function forgetInitialPassword(email: string, dataDir: string | null): void {
  if (!dataDir || email.trim().toLowerCase() !== GENERATED_ADMIN_EMAIL) return;
  fs.rmSync(path.resolve(dataDir, INITIAL_PASSWORD_FILE), { force: true });
}

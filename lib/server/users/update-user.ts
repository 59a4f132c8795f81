import "server-only";
import { hashPassword } from "../../auth/password";
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { type TRole, ZUserCreate } from "../../validation/user";
import { revokeFormerAdminCredentials, type TRevokedCredentials } from "../credentials/revoke-former-admin-credentials";

export class UserNotFoundError extends Error {
  constructor(email: string) {
    super(`No user with email ${email}`);
    this.name = "UserNotFoundError";
  }
}

async function updateByEmail(db: Prisma.TransactionClient, email: string, data: Prisma.UserUpdateInput) {
  const normalized = email.trim().toLowerCase();
  try {
    return await db.user.update({ where: { email: normalized }, data, select: { id: true, email: true, role: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new UserNotFoundError(normalized);
    throw error;
  }
}

export async function setUserPassword(email: string, password: string) {
  const { password: valid } = ZUserCreate.pick({ password: true }).parse({ password });
  // A new password ends every session signed in with the old one (lib/auth/session-user.ts).
  return updateByEmail(await getDb(), email, { passwordHash: await hashPassword(valid), sessionVersion: { increment: 1 } });
}

export class LastAdminError extends Error {
  constructor(email: string) {
    super(`${email} is the only admin: make another user an admin first, or nobody could manage Hookline`);
    this.name = "LastAdminError";
  }
}

export type TRoleChange = { id: string; email: string; role: TRole; revoked: TRevokedCredentials };

/**
 * A new role, and what goes with it in the same transaction: every session of the user ends, and
 * when the role is not admin, so does every credential they made (revokeFormerAdminCredentials),
 * counted in `revoked`. Making them an admin again restores nothing by itself.
 */
export async function setUserRole(email: string, role: TRole, now = new Date()): Promise<TRoleChange> {
  const normalized = email.trim().toLowerCase();
  return (await getDb()).$transaction(async (tx) => {
    if (role !== "ADMIN") {
      const admins = await tx.user.findMany({ where: { role: "ADMIN" }, select: { email: true }, take: 2 });
      if (admins.length === 1 && admins[0]?.email === normalized) throw new LastAdminError(normalized);
    }
    // Sessions carry no role, but a demoted admin's open pages should not outlive the change either.
    const user = await updateByEmail(tx, normalized, { role, sessionVersion: { increment: 1 } });
    const revoked = role === "ADMIN" ? { apiKeys: 0, oauthApps: 0 } : await revokeFormerAdminCredentials(tx, user.id, now);
    return { ...user, revoked };
  });
}

export async function listUsers() {
  const db = await getDb();
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, role: true, createdAt: true } });
}

import "server-only";
import { hashPassword } from "../../auth/password";
import { getDb } from "../../db";
import { auditedInstallationChange, systemSource, type TAuditSource, writeAuditEntry } from "../../db/audited-change";
import { scopedDb } from "../../db/scoped-db";
import { env } from "../../env";
import { Prisma } from "../../generated/prisma/client";
import { type TRole, ZUserCreate } from "../../validation/user";
import { DEFAULT_WORKSPACE_ID } from "../../validation/workspace";
import { revokeFormerAdminCredentials, type TRevokedCredentials } from "../credentials/revoke-former-admin-credentials";
import { forgetInitialPassword } from "./ensure-first-admin";

export class UserNotFoundError extends Error {
  constructor(email: string, where = "") {
    super(`No user with email ${email}${where}`);
    this.name = "UserNotFoundError";
  }
}

async function updateByEmail(db: { user: Prisma.TransactionClient["user"] }, email: string, data: Prisma.UserUpdateInput) {
  const normalized = email.trim().toLowerCase();
  try {
    return await db.user.update({ where: { email: normalized }, data, select: { id: true, email: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new UserNotFoundError(normalized);
    throw error;
  }
}

export async function setUserPassword(email: string, password: string, source: TAuditSource = systemSource("CLI")) {
  const { password: valid } = ZUserCreate.pick({ password: true }).parse({ password });
  const passwordHash = await hashPassword(valid);
  // A new password ends every session signed in with the old one (lib/auth/session-user.ts).
  const updated = await auditedInstallationChange(
    { ...source, prisma: await getDb() },
    (tx) => updateByEmail(tx, email, { passwordHash, sessionVersion: { increment: 1 } }),
    (u) => ({ workspaceId: null, action: "user.password_changed", target: { type: "user", id: u.id, name: u.email } }),
  );
  const { DATABASE_URL, HOOKLINE_DATA_DIR } = env();
  forgetInitialPassword(updated.email, DATABASE_URL ? null : HOOKLINE_DATA_DIR);
  return updated;
}

export class LastAdminError extends Error {
  constructor(email: string) {
    super(`${email} is the workspace's only admin: make another member an admin first, or nobody could manage its webhooks`);
    this.name = "LastAdminError";
  }
}

export type TRoleChange = { id: string; email: string; role: TRole; revoked: TRevokedCredentials };

/**
 * A new role in a workspace (Default unless named), and what goes with it in the same transaction:
 * every session of the user ends, and when the role is not admin, so does every credential they
 * made in that workspace (revokeFormerAdminCredentials), counted in `revoked`. Making them an admin
 * again restores nothing by itself.
 */
export async function setUserRole(
  email: string,
  role: TRole,
  { workspaceId = DEFAULT_WORKSPACE_ID, now = new Date() } = {},
  source: TAuditSource = systemSource("CLI"),
): Promise<TRoleChange> {
  const normalized = email.trim().toLowerCase();
  const db = scopedDb(await getDb(), workspaceId);
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { workspaceId, user: { email: normalized } }, select: { userId: true, role: true } });
    if (!member) throw new UserNotFoundError(normalized, " in this workspace");
    if (role !== "ADMIN") {
      const admins = await tx.membership.findMany({ where: { workspaceId, role: "ADMIN" }, select: { userId: true }, take: 2 });
      if (admins.length === 1 && admins[0]?.userId === member.userId) throw new LastAdminError(normalized);
    }
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId: member.userId } }, data: { role } });
    // Sessions carry no role, but a demoted admin's open pages should not outlive the change either.
    const user = await tx.user.update({ where: { id: member.userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true, email: true } });
    const revoked = role === "ADMIN" ? { apiKeys: 0, oauthApps: 0 } : await revokeFormerAdminCredentials(tx, user.id, now);
    await writeAuditEntry(tx, source, workspaceId, {
      action: "member.role_changed",
      target: { type: "user", id: user.id, name: user.email },
      changes: { role: { from: member.role, to: role }, revoked },
    });
    return { ...user, role, revoked };
  });
}

/** Makes a user an operator or takes it away (the CLI; the first admin of an install is one). */
export async function setUserOperator(email: string, isOperator: boolean, source: TAuditSource = systemSource("CLI")) {
  const updated = await auditedInstallationChange(
    { ...source, prisma: await getDb() },
    async (tx) => ({ ...(await updateByEmail(tx, email, { isOperator, sessionVersion: { increment: 1 } })), isOperator }),
    (u) => ({ workspaceId: null, action: "user.updated", target: { type: "user", id: u.id, name: u.email }, changes: { isOperator } }),
  );
  return { email: updated.email, isOperator: updated.isOperator };
}

export async function listUsers() {
  const db = await getDb();
  const users = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { email: true, isOperator: true, createdAt: true, memberships: { select: { role: true, workspace: { select: { slug: true } } } } },
  });
  return users.map(({ memberships, ...u }) => ({ ...u, memberships: memberships.map((m) => ({ slug: m.workspace.slug, role: m.role })) }));
}

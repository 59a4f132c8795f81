import "server-only";
import { hashPassword } from "../../auth/password";
import { getDb } from "../../db";
import { auditedInstallationChange, systemSource, type TAuditSource } from "../../db/audited-change";
import { Prisma } from "../../generated/prisma/client";
import { type TUserCreate, ZUserCreate } from "../../validation/user";
import { DEFAULT_WORKSPACE_ID } from "../../validation/workspace";

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with email ${email} already exists`);
    this.name = "UserExistsError";
  }
}

/**
 * A user with a password, a member of one workspace (Default unless named) in the given role; an
 * operator also manages every workspace (Settings → Workspaces).
 */
export async function createUser(
  input: TUserCreate,
  { workspaceId = DEFAULT_WORKSPACE_ID, isOperator = false } = {},
  source: TAuditSource = systemSource("CLI"),
) {
  const { email, password, name, role } = ZUserCreate.parse(input);
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  try {
    const user = await auditedInstallationChange(
      { ...source, prisma: db },
      (tx) =>
        tx.user.create({
          data: { email, name, isOperator, passwordHash, memberships: { create: { workspaceId, role } } },
          select: { id: true, email: true, name: true, isOperator: true, createdAt: true },
        }),
      (u) => ({ workspaceId, action: "user.created", target: { type: "user", id: u.id, name: u.email }, changes: { role, isOperator } }),
    );
    return { ...user, role };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserExistsError(email);
    throw error;
  }
}

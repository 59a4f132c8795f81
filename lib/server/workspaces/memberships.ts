import "server-only";
import type { TWorkspaceRef } from "../../db/workspace-context";
import type { PrismaClient } from "../../generated/prisma/client";
import { type TWorkspaceChoice, UUID_PATTERN } from "../../validation/workspace";

const WORKSPACE_REF = { id: true, slug: true, name: true } as const;

/** The user's role in a workspace, or null when they are not a member of it. */
export async function membershipRole(prisma: PrismaClient, userId: string, workspaceId: string): Promise<"ADMIN" | "MEMBER" | null> {
  const row = await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

/** Every workspace the user belongs to, oldest membership first (the header's switcher). */
export async function userWorkspaces(prisma: PrismaClient, userId: string): Promise<TWorkspaceChoice[]> {
  const rows = await prisma.membership.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { workspaceId: "asc" }],
    select: { role: true, workspace: { select: WORKSPACE_REF } },
    take: 1_000,
  });
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

/**
 * The workspace a session acts in: the one it chose (the switcher's cookie) when the user still
 * belongs to it, else their first. Null for a user who belongs to none (an operator may).
 */
export async function sessionWorkspace(
  prisma: PrismaClient,
  userId: string,
  chosenId: string | null,
  { isExact = false } = {},
): Promise<{ workspace: TWorkspaceRef; role: "ADMIN" | "MEMBER" } | null> {
  if (chosenId && UUID_PATTERN.test(chosenId)) {
    const chosen = await prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: chosenId, userId } },
      select: { role: true, workspace: { select: WORKSPACE_REF } },
    });
    // A member's settings are their admins': only a workspace they administer is worth staying in.
    if (chosen && (chosen.role === "ADMIN" || isExact)) return { workspace: chosen.workspace, role: chosen.role };
  }
  if (isExact) return null;
  // Their first workspace as an admin, else their first at all (whose pages then say 403).
  const first = await prisma.membership.findFirst({
    where: { userId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { workspaceId: "asc" }],
    select: { role: true, workspace: { select: WORKSPACE_REF } },
  });
  return first ? { workspace: first.workspace, role: first.role } : null;
}

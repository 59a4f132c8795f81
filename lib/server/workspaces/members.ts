import "server-only";
import type { z } from "zod";
import { getDb } from "../../db";
import { writeAuditEntry } from "../../db/audited-change";
import { scopedDb } from "../../db/scoped-db";
import type { TInstallationContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import type { TMember, ZMembershipAdd } from "../../validation/workspace";
import { revokeFormerAdminCredentials } from "../credentials/revoke-former-admin-credentials";
import { requireWorkspace } from "./find-workspace";

export async function listMembers(ctx: TInstallationContext, idOrSlug: string): Promise<TMember[]> {
  const { id } = await requireWorkspace(ctx.prisma, idOrSlug);
  const rows = await ctx.prisma.membership.findMany({
    where: { workspaceId: id },
    orderBy: [{ createdAt: "asc" }],
    take: 1_000,
    select: { role: true, createdAt: true, user: { select: { email: true, name: true, isOperator: true } } },
  });
  return rows.map((r) => ({ ...r.user, role: r.role, createdAt: r.createdAt.toISOString() }));
}

/** Adds an existing user to a workspace, or changes their role there (a demotion ends what they made there). */
export async function addMember(
  ctx: TInstallationContext,
  idOrSlug: string,
  { email, role }: z.output<typeof ZMembershipAdd>,
  now = new Date(),
): Promise<TMember> {
  const workspace = await requireWorkspace(ctx.prisma, idOrSlug);
  const user = await ctx.prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, isOperator: true } });
  if (!user) throw DomainError.invalid("email", `No user has the email ${email}: create them first (or send them a sign-in link)`);
  const db = scopedDb(await getDb(), workspace.id);
  const row = await db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } }, select: { role: true } });
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role },
      update: { role },
    });
    const revoked = role !== "ADMIN" ? await revokeFormerAdminCredentials(tx, user.id, now) : null;
    await writeAuditEntry(tx, ctx, workspace.id, {
      action: before ? "member.role_changed" : "member.added",
      target: { type: "user", id: user.id, name: user.email },
      changes: before ? { role: { from: before.role, to: role }, ...(revoked ? { revoked } : {}) } : { role },
    });
    return membership;
  });
  return { email: user.email, name: user.name, isOperator: user.isOperator, role: row.role, createdAt: row.createdAt.toISOString() };
}

/** Removes a user from a workspace: what they made there ends as a demotion ends it (restorable by another admin). */
export async function removeMember(ctx: TInstallationContext, idOrSlug: string, email: string, now = new Date()): Promise<void> {
  const workspace = await requireWorkspace(ctx.prisma, idOrSlug);
  const normalized = email.trim().toLowerCase();
  const db = scopedDb(await getDb(), workspace.id);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normalized }, select: { id: true } });
    const { count } = user ? await tx.membership.deleteMany({ where: { workspaceId: workspace.id, userId: user.id } }) : { count: 0 };
    if (!user || count === 0) throw DomainError.notFound(`Member ${normalized} of ${workspace.name}`);
    const revoked = await revokeFormerAdminCredentials(tx, user.id, now);
    await writeAuditEntry(tx, ctx, workspace.id, { action: "member.removed", target: { type: "user", id: user.id, name: normalized }, changes: { revoked } });
  });
}

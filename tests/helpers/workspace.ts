import { getDb } from "@/lib/db";
import {
  defaultWorkspaceContext,
  installationContext,
  type TInstallationContext,
  type TWorkspaceContext,
  type TWorkspaceRef,
  workspaceContext,
} from "@/lib/db/workspace-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";

/** The Default workspace's context on the database lib/db returns now (the test's own, with freshDatabasePerTest). */
export async function defaultCtx(): Promise<TWorkspaceContext> {
  return defaultWorkspaceContext(await getDb());
}

/** A second workspace, for checking that one workspace's operations never see another's rows. */
export async function createOtherWorkspace(prisma: PrismaClient, slug = "other"): Promise<TWorkspaceRef> {
  return prisma.workspace.create({ data: { slug, name: `Workspace ${slug}` }, select: { id: true, slug: true, name: true } });
}

/** The context of a workspace made by createOtherWorkspace. */
export function otherCtx(prisma: PrismaClient, workspace: TWorkspaceRef): TWorkspaceContext {
  return workspaceContext(prisma, workspace, { kind: "system", reason: "tests" });
}

/** A user who is a member of the Default workspace (or `workspaceId`) with `role`, made without createUser. */
export async function createMember(
  prisma: PrismaClient,
  email: string,
  role: "ADMIN" | "MEMBER" = "ADMIN",
  { workspaceId = DEFAULT_WORKSPACE_ID, isOperator = false }: { workspaceId?: string; isOperator?: boolean } = {},
) {
  return prisma.user.create({ data: { email, passwordHash: "x", isOperator, memberships: { create: { workspaceId, role } } } });
}

/** The installation's context for Hookline itself, as the CLI builds it (operators' functions take it). */
export function installationCtx(prisma: PrismaClient): TInstallationContext {
  return installationContext(prisma, { kind: "system", reason: "tests" });
}

/** What a promise settled with: its error, or "resolved" (so a test can match the error's fields). */
export function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "resolved",
    (e: unknown) => e,
  );
}

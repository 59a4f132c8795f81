import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { TActor } from "../validation/actor";
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_SLUG } from "../validation/workspace";
import { scopedDb, type TScopedDb } from "./scoped-db";

export type TWorkspaceRef = { id: string; slug: string; name: string };

/**
 * Everything a workspace's operation needs, built once where a request, page, CLI command,
 * Worksection or OAuth call is authenticated, and passed down to lib/server and lib/delivery:
 * who acts, in which workspace, and the database as that workspace sees it (lib/db/scoped-db.ts).
 * `prisma` is the unscoped client, for the few statements that are the installation's (raw SQL
 * that names the workspace itself).
 */
export type TWorkspaceContext = { actor: TActor; workspace: TWorkspaceRef; db: TScopedDb; prisma: PrismaClient };

/** The installation's operations (workspaces and their members): who acts, and the unscoped database. */
export type TInstallationContext = { actor: TActor; prisma: PrismaClient };

export function workspaceContext(prisma: PrismaClient, workspace: TWorkspaceRef, actor: TActor): TWorkspaceContext {
  return { actor, workspace, db: scopedDb(prisma, workspace.id), prisma };
}

/** The Default workspace's context for Hookline itself (the CLI, benchmarks, tests of a single site). */
export function defaultWorkspaceContext(prisma: PrismaClient, reason = "Hookline"): TWorkspaceContext {
  return workspaceContext(prisma, { id: DEFAULT_WORKSPACE_ID, slug: DEFAULT_WORKSPACE_SLUG, name: "Default" }, { kind: "system", reason });
}

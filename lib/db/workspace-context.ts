import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { TActor } from "../validation/actor";
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_SLUG } from "../validation/workspace";
import { auditSource, type TAuditSource } from "./audited-change";
import { scopedDb, type TScopedDb } from "./scoped-db";

export type TWorkspaceRef = { id: string; slug: string; name: string };

/**
 * Everything a workspace's operation needs, built once where a request, page, CLI command,
 * Worksection or OAuth call is authenticated, and passed down to lib/server and lib/delivery:
 * who acts, in which workspace, and the database as that workspace sees it (lib/db/scoped-db.ts).
 * `prisma` is the unscoped client, for the few statements that are the installation's (raw SQL
 * that names the workspace itself).
 */
export type TWorkspaceContext = TAuditSource & { workspace: TWorkspaceRef; db: TScopedDb; prisma: PrismaClient };

/** The installation's operations (workspaces and their members): who acts, and the unscoped database. */
export type TInstallationContext = TAuditSource & { prisma: PrismaClient };

/**
 * `address`: the client's, for the audit log (null for Hookline's own: the CLI, the worker). Each
 * context counts the audit entries written through it (`trail`, lib/db/audited-change.ts).
 */
export function workspaceContext(prisma: PrismaClient, workspace: TWorkspaceRef, actor: TActor, address: string | null = null): TWorkspaceContext {
  return { ...auditSource(actor, address), workspace, db: scopedDb(prisma, workspace.id), prisma };
}

export function installationContext(prisma: PrismaClient, actor: TActor, address: string | null = null): TInstallationContext {
  return { ...auditSource(actor, address), prisma };
}

/** The Default workspace's context for Hookline itself (the CLI, benchmarks, tests of a single site). */
export function defaultWorkspaceContext(prisma: PrismaClient, reason = "Hookline"): TWorkspaceContext {
  return workspaceContext(prisma, { id: DEFAULT_WORKSPACE_ID, slug: DEFAULT_WORKSPACE_SLUG, name: "Default" }, { kind: "system", reason });
}

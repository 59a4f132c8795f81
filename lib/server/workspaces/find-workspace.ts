import "server-only";
import type { TWorkspaceRef } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import type { PrismaClient } from "../../generated/prisma/client";
import { UUID_PATTERN } from "../../validation/workspace";

const REF = { id: true, slug: true, name: true } as const;

/** A workspace by its id or its slug, or a not-found error the API answers 404. */
export async function requireWorkspace(prisma: PrismaClient, idOrSlug: string): Promise<TWorkspaceRef> {
  const found = await findWorkspace(prisma, idOrSlug);
  if (!found) throw DomainError.notFound("Workspace");
  return found;
}

/** A workspace by its id or its slug (slugs never look like UUIDs), or null. */
export async function findWorkspace(prisma: PrismaClient, idOrSlug: string): Promise<TWorkspaceRef | null> {
  const value = idOrSlug.trim();
  if (UUID_PATTERN.test(value)) return prisma.workspace.findUnique({ where: { id: value.toLowerCase() }, select: REF });
  return prisma.workspace.findUnique({ where: { slug: value.toLowerCase() }, select: REF });
}

import "server-only";
import type { z } from "zod";
import { auditedChange, recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import type { Project } from "../../generated/prisma/client";
import { type TProject, ZProjectCreate, ZProjectRename } from "../../validation/project";

const toDto = (p: Project): TProject => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString() });

// A project's id is the host's own and unique within its workspace (two customers may both have
// project "1"): rows are found by id within the context's workspace, never by a global key.

export async function listProjects(ctx: TWorkspaceContext): Promise<TProject[]> {
  return (await ctx.db.project.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] })).map(toDto);
}

/** Creates the project, or renames it when it exists and a name is given (the host's upsert). */
/** A project as the audit log names it. */
const projectTarget = (p: { id: string; name: string }) => ({ type: "project", id: p.id, name: p.name });

export async function upsertProject(ctx: TWorkspaceContext, input: z.input<typeof ZProjectCreate>): Promise<{ project: TProject; isCreated: boolean }> {
  const { id, name } = ZProjectCreate.parse(input);
  const { db } = ctx;
  const existing = await db.project.findFirst({ where: { id } });
  if (existing) {
    if (!name || name === existing.name) {
      await recordAudit(ctx, { action: "project.updated", target: projectTarget(existing), changes: { note: "no change" } });
      return { project: toDto(existing), isCreated: false };
    }
    await auditedChange(ctx, (tx) => tx.project.updateMany({ where: { id }, data: { name } }), {
      action: "project.updated",
      target: projectTarget({ id, name }),
      changes: { name: { from: existing.name, to: name } },
    });
    return { project: toDto({ ...existing, name }), isCreated: false };
  }
  // name = id until renamed (an event that names an unknown project creates it the same way).
  const [created] = await auditedChange(
    ctx,
    (tx) => tx.project.createManyAndReturn({ data: [{ id, name: name ?? id }], skipDuplicates: true }),
    (rows) => (rows[0] ? { action: "project.created", target: projectTarget(rows[0]) } : null),
  );
  if (created) return { project: toDto(created), isCreated: true };
  // A publish naming it got there first.
  return upsertProject(ctx, input);
}

export async function renameProject(ctx: TWorkspaceContext, id: string, input: z.input<typeof ZProjectRename>): Promise<TProject> {
  const { name } = ZProjectRename.parse(input);
  const { db } = ctx;
  const before = await db.project.findFirst({ where: { id } });
  if (!before) throw DomainError.notFound("Project");
  const { count } = await auditedChange(ctx, (tx) => tx.project.updateMany({ where: { id }, data: { name } }), {
    action: "project.updated",
    target: projectTarget({ id, name }),
    changes: { name: { from: before.name, to: name } },
  });
  if (count === 0) throw DomainError.notFound("Project");
  return toDto(await db.project.findFirstOrThrow({ where: { id } }));
}

import "server-only";
import type { z } from "zod";
import { getDb } from "../../db";
import { DomainError } from "../../errors/domain-error";
import type { Project } from "../../generated/prisma/client";
import { type TProject, ZProjectCreate, ZProjectRename } from "../../validation/project";

const toDto = (p: Project): TProject => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString() });

export async function listProjects(): Promise<TProject[]> {
  return (await (await getDb()).project.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] })).map(toDto);
}

/** Creates the project, or renames it when it exists and a name is given (the host's upsert). */
export async function upsertProject(input: z.input<typeof ZProjectCreate>): Promise<{ project: TProject; isCreated: boolean }> {
  const { id, name } = ZProjectCreate.parse(input);
  const db = await getDb();
  const existing = await db.project.findUnique({ where: { id } });
  if (existing) {
    const project = name && name !== existing.name ? await db.project.update({ where: { id }, data: { name } }) : existing;
    return { project: toDto(project), isCreated: false };
  }
  // name = id until renamed (an event that names an unknown project creates it the same way).
  const project = await db.project.upsert({ where: { id }, create: { id, name: name ?? id }, update: {} });
  return { project: toDto(project), isCreated: true };
}

export async function renameProject(id: string, input: z.input<typeof ZProjectRename>): Promise<TProject> {
  const { name } = ZProjectRename.parse(input);
  const db = await getDb();
  const { count } = await db.project.updateMany({ where: { id }, data: { name } });
  if (count === 0) throw DomainError.notFound("Project");
  return toDto(await db.project.findUniqueOrThrow({ where: { id } }));
}

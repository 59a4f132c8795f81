import "server-only";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { Prisma } from "../../generated/prisma/client";
import { type TEventType, type TEventTypeCreate, ZEventTypeCreate } from "../../validation/event-type";

const SELECT = { name: true, description: true, group: true } as const;
const byGroupThenName = (a: TEventType, b: TEventType) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name);

/** The built-in catalog, shared by every workspace, and this workspace's own types. */
export async function listEventTypes(ctx: TWorkspaceContext): Promise<TEventType[]> {
  const [builtIn, own] = await Promise.all([ctx.db.eventType.findMany({ select: SELECT }), ctx.db.customEventType.findMany({ select: SELECT })]);
  return [...builtIn.map((e) => ({ ...e, isCustom: false })), ...own.map((e) => ({ ...e, isCustom: true }))].sort(byGroupThenName);
}

/** Which of `names` this workspace knows: the catalog's and its own. */
export async function knownEventTypes(ctx: TWorkspaceContext, names: string[]): Promise<Set<string>> {
  const where = { name: { in: names } };
  const [builtIn, own] = await Promise.all([
    ctx.db.eventType.findMany({ where, select: { name: true } }),
    ctx.db.customEventType.findMany({ where, select: { name: true } }),
  ]);
  return new Set([...builtIn, ...own].map((e) => e.name));
}

/** Hosts register their own event types, per workspace; a name of the catalog or already taken is a 409. */
export async function createEventType(ctx: TWorkspaceContext, input: TEventTypeCreate): Promise<TEventType> {
  const data = ZEventTypeCreate.parse(input);
  const conflict = () => new DomainError("conflict", "conflict", `Event type "${data.name}" already exists`);
  if (await ctx.db.eventType.findUnique({ where: { name: data.name }, select: { name: true } })) throw conflict();
  try {
    const created = await auditedChange(ctx, (tx) => tx.customEventType.create({ data, select: SELECT }), {
      action: "event_type.created",
      target: { type: "event_type", id: data.name, name: data.name },
      changes: { description: data.description, group: data.group },
    });
    return { ...created, isCustom: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict();
    throw error;
  }
}

import "server-only";
import type { TInstallationContext, TWorkspaceContext } from "../../db/workspace-context";
import type { AuditEntry, Prisma } from "../../generated/prisma/client";
import type { TAuditAction, TAuditActorKind, TAuditEntry, TAuditPage, TAuditQuery } from "../../validation/audit";
import { decodeCursor, encodeCursor } from "../keyset-cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toAuditDto(e: AuditEntry): TAuditEntry {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: { kind: e.actorKind as TAuditActorKind, id: e.actorId, name: e.actorName },
    action: e.action as TAuditAction,
    target: { type: e.targetType, id: e.targetId, name: e.targetName },
    address: e.address,
    changes: (e.changes as Record<string, unknown> | null) ?? null,
  };
}

type TFind = (args: { where: Prisma.AuditEntryWhereInput; orderBy: Prisma.AuditEntryOrderByWithRelationInput[]; take: number }) => Promise<AuditEntry[]>;

/**
 * A page of an audit log, newest first, filtered by actor (id or exact name), action, target id
 * and time; keyset-paged on (at, id), each filter served by an index that starts with the
 * workspace (null for the installation's own).
 */
async function listEntries(find: TFind, query: TAuditQuery): Promise<TAuditPage> {
  const filters: Prisma.AuditEntryWhereInput[] = [];
  if (query.actor) filters.push(UUID.test(query.actor) ? { actorId: query.actor } : { actorName: query.actor });
  if (query.action) filters.push({ action: query.action });
  if (query.target) filters.push({ targetId: query.target });
  if (query.since) filters.push({ at: { gte: new Date(query.since) } });
  if (query.until) filters.push({ at: { lt: new Date(query.until) } });
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    filters.push({ at: { lte: at } }, { OR: [{ at: { lt: at } }, { id: { lt: id } }] });
  }
  const rows = await find({ where: { AND: filters }, orderBy: [{ at: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(toAuditDto), nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
}

/** The workspace's audit log (its admins'). */
export function listAuditLog(ctx: TWorkspaceContext, query: TAuditQuery): Promise<TAuditPage> {
  return listEntries((args) => ctx.db.auditEntry.findMany(args), query);
}

/** The installation's own log (workspaces created and deleted, users, sign-ins): operators'. */
export function listInstallationAuditLog(ctx: TInstallationContext, query: TAuditQuery): Promise<TAuditPage> {
  return listEntries((args) => ctx.prisma.auditEntry.findMany({ ...args, where: { AND: [args.where, { workspaceId: null }] } }), query);
}

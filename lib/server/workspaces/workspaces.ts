import "server-only";
import { diffFields } from "../../audit/diff-fields";
import { auditedInstallationChange } from "../../db/audited-change";
import type { TInstallationContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { Prisma } from "../../generated/prisma/client";
import {
  DEFAULT_WORKSPACE_ID,
  slugFromName,
  type TWorkspace,
  type TWorkspaceCreate,
  type TWorkspaceUpdate,
  UUID_PATTERN,
  ZWorkspaceCreate,
  ZWorkspaceUpdate,
} from "../../validation/workspace";
import { requireWorkspace } from "./find-workspace";
import { workspaceHealth } from "./workspace-health";

// The installation's workspaces, managed by operators (Settings → Workspaces, /api/v1/workspaces,
// the CLI). Everything a workspace holds goes with it when it is deleted (foreign keys cascade).

const SELECT = { id: true, slug: true, name: true, maxInFlight: true, rateLimitPerSecond: true, createdAt: true } as const;
type TRow = { id: string; slug: string; name: string; maxInFlight: number | null; rateLimitPerSecond: number | null; createdAt: Date };
const toDto = (w: TRow): TWorkspace => ({ ...w, createdAt: w.createdAt.toISOString() });

const isSlugTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A new workspace; without a slug, one made from the name (with a number added when taken). */
/** A workspace as the audit log names it. */
const workspaceTarget = (w: { id: string; name: string }) => ({ type: "workspace", id: w.id, name: w.name });

/** One workspace row, with its entry (the first of its own log). */
function createAudited(ctx: TInstallationContext, data: Omit<Prisma.WorkspaceCreateInput, "id">) {
  return auditedInstallationChange(
    ctx,
    (tx) => tx.workspace.create({ data, select: SELECT }),
    (w) => ({ workspaceId: w.id, action: "workspace.created", target: workspaceTarget(w), changes: { slug: w.slug } }),
  );
}

export async function createWorkspace(ctx: TInstallationContext, input: TWorkspaceCreate): Promise<TWorkspace> {
  const { slug, ...data } = ZWorkspaceCreate.parse(input);
  if (slug) {
    try {
      return toDto(await createAudited(ctx, { ...data, slug }));
    } catch (error) {
      if (isSlugTaken(error)) throw new DomainError("conflict", "conflict", `The slug "${slug}" is taken`);
      throw error;
    }
  }
  const base = slugFromName(data.name);
  for (let n = 1; n <= 50; n++) {
    try {
      return toDto(await createAudited(ctx, { ...data, slug: n === 1 ? base : `${base}-${n}` }));
    } catch (error) {
      if (!isSlugTaken(error)) throw error;
    }
  }
  throw DomainError.invalid("slug", `Every slug from "${base}" to "${base}-50" is taken: choose one`);
}

export async function getWorkspace(ctx: TInstallationContext, idOrSlug: string): Promise<TWorkspace> {
  const { id } = await requireWorkspace(ctx.prisma, idOrSlug);
  return toDto(await ctx.prisma.workspace.findUniqueOrThrow({ where: { id }, select: SELECT }));
}

/** Oldest first, keyset-paged on (createdAt, id); `nextCursor` is the last id of the page. */
export async function listWorkspaces(ctx: TInstallationContext, query: { cursor?: string; limit: number }) {
  // Not a UUID: not one of ours (and never sent to the database, whose errors stay 503s).
  if (query.cursor && !UUID_PATTERN.test(query.cursor)) throw DomainError.invalid("cursor", "cursor is not one this API gave out");
  const after = query.cursor ? await ctx.prisma.workspace.findUnique({ where: { id: query.cursor }, select: { id: true, createdAt: true } }) : null;
  if (query.cursor && !after) throw DomainError.invalid("cursor", "cursor is not one this API gave out");
  const rows = await ctx.prisma.workspace.findMany({
    where: after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {},
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, query.limit);
  const health = await workspaceHealth(
    ctx.prisma,
    page.map((w) => w.id),
  );
  return { data: page.map((w) => ({ ...toDto(w), health: health.get(w.id) })), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function updateWorkspace(ctx: TInstallationContext, idOrSlug: string, input: TWorkspaceUpdate): Promise<TWorkspace> {
  const patch = ZWorkspaceUpdate.parse(input);
  const { id } = await requireWorkspace(ctx.prisma, idOrSlug);
  try {
    const before = await ctx.prisma.workspace.findUniqueOrThrow({ where: { id }, select: SELECT });
    return toDto(
      await auditedInstallationChange(
        ctx,
        (tx) => tx.workspace.update({ where: { id }, data: patch, select: SELECT }),
        (after) => ({
          workspaceId: id,
          action: "workspace.updated",
          target: workspaceTarget(after),
          changes: diffFields(before, after, ["name", "slug", "maxInFlight", "rateLimitPerSecond"]),
        }),
      ),
    );
  } catch (error) {
    if (isSlugTaken(error)) throw new DomainError("conflict", "conflict", `The slug "${patch.slug}" is taken`);
    throw error;
  }
}

/**
 * Deletes a workspace and everything in it. While it has webhooks that is a 409 unless forced: a
 * host's mistaken id must not silently end a customer's deliveries. Default cannot go: a single site
 * and every credential made before workspaces live there.
 */
export async function deleteWorkspace(ctx: TInstallationContext, idOrSlug: string, { isForced = false } = {}): Promise<void> {
  const { id, name } = await requireWorkspace(ctx.prisma, idOrSlug);
  if (id === DEFAULT_WORKSPACE_ID) throw new DomainError("conflict", "default_workspace", "The Default workspace cannot be deleted");
  if (!isForced) {
    const webhooks = await ctx.prisma.webhook.count({ where: { workspaceId: id } });
    if (webhooks > 0)
      throw new DomainError("conflict", "has_webhooks", `${name} has ${webhooks} webhook${webhooks === 1 ? "" : "s"}: delete them first, or send ?force=true`);
  }
  // In the installation's log: the workspace's own goes with it.
  await auditedInstallationChange(ctx, (tx) => tx.workspace.delete({ where: { id } }), {
    workspaceId: null,
    action: "workspace.deleted",
    target: workspaceTarget({ id, name }),
    changes: isForced ? { forced: true } : null,
  });
}

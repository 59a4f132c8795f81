import "server-only";
import { type TWorkspaceContext, workspaceContext } from "../../db/workspace-context";
import { publishBatch, publishEvent } from "../../delivery/publish-event";
import { DomainError } from "../../errors/domain-error";
import type { TPublishBatch, TPublishEvent, TPublished, TPublishedBatch } from "../../validation/event";
import { grantsAny } from "../../validation/scopes";
import { findWorkspace } from "../workspaces/find-workspace";

const isOperator = (ctx: TWorkspaceContext) => (ctx.actor.kind === "api_key" || ctx.actor.kind === "oauth") && grantsAny(ctx.actor.scopes, ["operator"]);

/**
 * The context an event is published in: the caller's own workspace when it names none (or names
 * its own); another workspace only for an operator credential. A workspace's own credential naming
 * another is refused (403) whether or not it exists, so it learns nothing of other workspaces.
 */
async function targetOf(ctx: TWorkspaceContext, named: string | undefined, path: string): Promise<TWorkspaceContext> {
  if (named === undefined) return ctx;
  const value = named.trim().toLowerCase();
  if (value === ctx.workspace.id || value === ctx.workspace.slug) return ctx;
  if (!isOperator(ctx))
    throw new DomainError("forbidden", "forbidden", `${path}: this credential publishes into its own workspace only (${ctx.workspace.slug})`);
  const workspace = await findWorkspace(ctx.prisma, value);
  if (!workspace) throw DomainError.invalid(path, `No workspace has the id or slug "${named.slice(0, 100)}"`);
  return workspaceContext(ctx.prisma, workspace, ctx.actor);
}

/** POST /events: into the caller's workspace, or the one an operator credential names. */
export async function publishInto(ctx: TWorkspaceContext, input: TPublishEvent): Promise<TPublished> {
  const { workspace, ...event } = input;
  return publishEvent(await targetOf(ctx, workspace, "workspace"), event);
}

/** POST /events/batch: each event into its own target; all written together or none. */
export async function publishBatchInto(ctx: TWorkspaceContext, input: TPublishBatch): Promise<TPublishedBatch> {
  const events = Array.isArray(input?.events) ? input.events : [];
  const named = new Map<string, TWorkspaceContext>();
  const targets: TWorkspaceContext[] = [];
  for (const [i, event] of events.entries()) {
    const key = typeof event?.workspace === "string" ? event.workspace.trim().toLowerCase() : undefined;
    if (key === undefined) {
      targets.push(ctx);
      continue;
    }
    // One lookup per workspace named (however spelled); an error quotes the name as sent.
    const target = named.get(key) ?? (await targetOf(ctx, event.workspace as string, `events.${i}.workspace`));
    named.set(key, target);
    targets.push(target);
  }
  return publishBatch(ctx, { events: events.map(({ workspace: _w, ...e }) => e) }, { targets });
}

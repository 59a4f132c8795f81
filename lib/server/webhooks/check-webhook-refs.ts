import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { DnsFailureError, resolveVetted, SsrfBlockedError, type TResolver } from "../../delivery/ssrf/safe-lookup";
import { DomainError } from "../../errors/domain-error";
import { ALL_EVENTS } from "../../validation/webhook";
import { knownEventTypes } from "../event-types/event-types";

/** Unknown event names are refused with the index of each, so the form can point at them. */
export async function assertEventsExist(ctx: TWorkspaceContext, events: string[]): Promise<void> {
  if (events.length === 1 && events[0] === ALL_EVENTS) return;
  const known = await knownEventTypes(ctx, events);
  const issues = events.flatMap((name, i) => (known.has(name) ? [] : [{ path: `events.${i}`, message: `Unknown event type "${name}"` }]));
  if (issues.length) throw DomainError.invalidAll(issues);
}

export async function assertProjectsExist(ctx: TWorkspaceContext, projects: string[]): Promise<void> {
  if (projects.length === 0) return;
  const known = new Set((await ctx.db.project.findMany({ where: { id: { in: projects } }, select: { id: true } })).map((p) => p.id));
  const issues = projects.flatMap((id, i) => (known.has(id) ? [] : [{ path: `projects.${i}`, message: `Unknown project "${id}"` }]));
  if (issues.length) throw DomainError.invalidAll(issues);
}

/**
 * The save-time SSRF check: a URL whose host is, or resolves to, a blocked address is refused.
 * A name that does not resolve yet is accepted here; sending fails closed on it (and so does Test).
 */
export async function assertTargetAllowed(url: string, resolver?: TResolver): Promise<void> {
  try {
    await resolveVetted(new URL(url).hostname, deliveryConfig().allow, resolver);
  } catch (error) {
    if (error instanceof SsrfBlockedError) throw DomainError.invalid("url", `This URL is not allowed: ${error.message.replace(/^blocked: /, "")}`);
    if (!(error instanceof DnsFailureError)) throw error;
  }
}

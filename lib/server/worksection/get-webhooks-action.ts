import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { ALL_EVENTS } from "../../validation/webhook";
import { type TWorksectionWebhook, WORKSECTION_STATUS } from "../../validation/worksection";

type TRow = { id: string; url: string; allEvents: boolean; events: string[]; projects: string[]; enabled: boolean };

/** A webhook in get_webhooks' shape (Worksection's example answer, seed 004). */
export function toWorksectionWebhook(row: TRow): TWorksectionWebhook {
  return {
    id: row.id,
    url: row.url,
    // Worksection has no "all events"; Hookline's own word for it is kept rather than a list that
    // would silently stop growing with the catalog.
    events: row.allEvents ? ALL_EVENTS : row.events.join(","),
    status: row.enabled ? WORKSECTION_STATUS.enabled : WORKSECTION_STATUS.disabled,
    ...(row.projects.length > 0 ? { projects: row.projects.join(",") } : {}),
  };
}

/** Every webhook of the workspace, oldest first as Worksection lists them (its example: 14, then 16). */
export async function getWebhooksAction(ctx: TWorkspaceContext): Promise<{ data: TWorksectionWebhook[] }> {
  const rows = await ctx.db.webhook.findMany({
    select: { id: true, url: true, allEvents: true, events: true, projects: true, enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { data: rows.map(toWorksectionWebhook) };
}

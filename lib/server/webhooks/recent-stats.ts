import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import type { TRecentStats } from "../../validation/webhook";

export const RECENT_MS = 24 * 3_600_000;
// An attempt belongs to a delivery created at most a retry schedule earlier: deliveries created up
// to a day before the window are read too, found by the (webhookId, createdAt) index.
const RETRY_WINDOW_MS = 24 * 3_600_000;

type Row = { id: string; attempts: number; succeeded: number; p95: number | null };

/**
 * Each webhook's last 24 hours, as Stripe shows them beside a webhook: how many attempts (Send
 * example's tests left out), the share that succeeded, and the p95 time. One query for a whole page of webhooks; a webhook with no
 * attempts in the window is absent from the map.
 */
export async function recentStats(ctx: TWorkspaceContext, webhookIds: string[], now = new Date()): Promise<Map<string, TRecentStats>> {
  if (webhookIds.length === 0) return new Map();
  const since = new Date(now.getTime() - RECENT_MS);
  const rows = await ctx.db.$queryRaw<Row[]>`
    select d."webhookId"::text as id, count(*)::int as attempts, (count(*) filter (where a."errorClass" is null))::int as succeeded,
      percentile_cont(0.95) within group (order by a."durationMs") as p95
    from "Delivery" d join "Attempt" a on a."deliveryId" = d.id
    where d."workspaceId" = ${ctx.workspace.id}::uuid and d."webhookId" = any(${webhookIds}::uuid[]) and d."createdAt" >= ${new Date(since.getTime() - RETRY_WINDOW_MS)}
      and a."startedAt" >= ${since}
      and a.trigger <> 'test' -- Send example's tests are not the webhook's record (nor its health)
    group by d."webhookId"`;
  return new Map(rows.map((r) => [r.id, { attempts: r.attempts, successRate: r.succeeded / r.attempts, p95Ms: r.p95 === null ? null : Math.round(r.p95) }]));
}

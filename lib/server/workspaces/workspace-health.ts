import "server-only";
import { dayWindowStart } from "../../delivery/delivery-stats";
import { STATUS_COUNTS_SQL } from "../../delivery/webhook-health";
import type { PrismaClient } from "../../generated/prisma/client";
import type { TWorkspaceHealth } from "../../validation/workspace";

type TWebhookRow = { ws: string; working: number; failing: number; disabled: number };
type TStatsRow = { ws: string; succeeded: number; failed: number };
type TDueRow = { ws: string; due: number };

/**
 * How each workspace of a page of Settings → Workspaces is doing, for the operator, who sees every
 * workspace without being an admin of it: its webhooks by status, its last 24 hours' deliveries (the
 * overview's hourly counts) and its due backlog. Three grouped statements for the whole page.
 */
export async function workspaceHealth(prisma: PrismaClient, ids: string[], now = new Date()): Promise<Map<string, TWorkspaceHealth>> {
  const health = new Map<string, TWorkspaceHealth>(
    ids.map((id) => [id, { webhooks: { working: 0, failing: 0, disabled: 0 }, succeeded: 0, failed: 0, due: 0 }]),
  );
  if (ids.length === 0) return health;
  const [webhooks, stats, due] = await Promise.all([
    prisma.$queryRaw<TWebhookRow[]>`
      select "workspaceId"::text as ws, ${STATUS_COUNTS_SQL}
      from "Webhook" where "workspaceId" = any(${ids}::uuid[]) group by 1`,
    prisma.$queryRaw<TStatsRow[]>`
      select "workspaceId"::text as ws, sum(succeeded)::int as succeeded, sum(failed)::int as failed
      from "DeliveryStat" where "workspaceId" = any(${ids}::uuid[]) and hour >= ${dayWindowStart(now)} group by 1`,
    prisma.$queryRaw<TDueRow[]>`
      select d."workspaceId"::text as ws, count(*)::int as due
      from "Delivery" d join "Webhook" w on w.id = d."webhookId"
      where d."workspaceId" = any(${ids}::uuid[]) and d.status = 'pending' and d."nextAttemptAt" <= ${now} and w.enabled group by 1`,
  ]);
  for (const r of webhooks) {
    const h = health.get(r.ws);
    if (h) h.webhooks = { working: r.working, failing: r.failing, disabled: r.disabled };
  }
  for (const r of stats) {
    const h = health.get(r.ws);
    if (h) Object.assign(h, { succeeded: r.succeeded, failed: r.failed });
  }
  for (const r of due) {
    const h = health.get(r.ws);
    if (h) h.due = r.due;
  }
  return health;
}

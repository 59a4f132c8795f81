import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { addHistograms, dayWindowStart, estimateQuantile } from "../../delivery/delivery-stats";
import { ALIVE_WITHIN_MS } from "../../delivery/runtime/heartbeat";
import { STATUS_COUNTS_SQL } from "../../delivery/webhook-health";
import { describeWebhookProblem, OVERVIEW_WEBHOOKS, type TOverview, type TOverviewWorker } from "../../validation/overview";
import { webhookStatus } from "../../validation/webhook-status";

type TQueueRow = { due: number; scheduled: number; parked: number; in_flight: number; oldest_due: Date | null };
type TWebhookRow = {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: Date | null;
  lastFailureAt: Date | null;
  lastFailureStatusCode: number | null;
  lastFailureErrorClass: string | null;
};
type TCountsRow = { working: number; failing: number; disabled: number };
type TWorkerRow = Omit<TOverviewWorker, "startedAt" | "seenAt" | "kind"> & { kind: TOverviewWorker["kind"]; startedAt: Date; seenAt: Date };

/**
 * The workspace's overview. Every number comes from an index or a small table, so it answers in a
 * few milliseconds at any volume: the window's deliveries from the hourly counts (DeliveryStat: 24
 * rows), its events by (workspaceId, occurredAt), the queue from the workspace's unfinished
 * deliveries only, the webhooks and the heartbeats from their own small tables. The window is whole
 * hours (the counts are hourly): from the top of the hour 23 hours before the current one.
 */
export async function getOverview(ctx: TWorkspaceContext, now = new Date()): Promise<TOverview> {
  const ws = ctx.workspace.id;
  const since = dayWindowStart(now);
  const [events, hours, queueRows, counts, webhooks, workers] = await Promise.all([
    ctx.db.event.count({ where: { occurredAt: { gte: since }, isTest: false } }), // Send example's tests published nothing
    ctx.db.deliveryStat.findMany({ where: { hour: { gte: since } }, select: { succeeded: true, failed: true, firstLatency: true } }),
    ctx.prisma.$queryRaw<TQueueRow[]>`
      select
        (count(*) filter (where d.status = 'pending' and w.enabled and d."nextAttemptAt" <= ${now}))::int as due,
        (count(*) filter (where d.status = 'pending' and w.enabled and d."nextAttemptAt" > ${now}))::int as scheduled,
        (count(*) filter (where d.status = 'pending' and not w.enabled))::int as parked,
        (count(*) filter (where d.status = 'in_flight'))::int as in_flight,
        min(d."nextAttemptAt") filter (where d.status = 'pending' and w.enabled and d."nextAttemptAt" <= ${now}) as oldest_due
      from "Delivery" d join "Webhook" w on w.id = d."webhookId"
      where d."workspaceId" = ${ws}::uuid and d.status in ('pending', 'in_flight')`,
    ctx.prisma.$queryRaw<TCountsRow[]>`
      select ${STATUS_COUNTS_SQL} from "Webhook" where "workspaceId" = ${ws}::uuid`,
    ctx.prisma.$queryRaw<TWebhookRow[]>`
      select id, url, description, enabled, "consecutiveFailures", "disabledReason", "disabledAt", "lastFailureAt",
        "lastFailureStatusCode", "lastFailureErrorClass"
      from "Webhook" where "workspaceId" = ${ws}::uuid
      order by case when not enabled and "disabledReason" is not null then 0 when enabled and "consecutiveFailures" > 0 then 1 when not enabled then 2 else 3 end,
        "consecutiveFailures" desc, "createdAt" desc, id
      limit ${OVERVIEW_WEBHOOKS}`,
    // The installation's: every workspace's deliveries go through the same processes.
    ctx.prisma.$queryRaw<TWorkerRow[]>`
      select owner, kind, hostname, pid, version, "inFlight", "startedAt", "seenAt",
        "seenAt" > now() at time zone 'UTC' - ${ALIVE_WITHIN_MS} * interval '1 millisecond' as "isAlive"
      from "WorkerHeartbeat" order by "isAlive" desc, "startedAt", owner`,
  ]);
  const succeeded = hours.reduce((n, h) => n + h.succeeded, 0);
  const failed = hours.reduce((n, h) => n + h.failed, 0);
  const latency = addHistograms(hours.map((h) => h.firstLatency));
  const queue = queueRows[0] ?? { due: 0, scheduled: 0, parked: 0, in_flight: 0, oldest_due: null };
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    since: since.toISOString(),
    now: now.toISOString(),
    eventsPublished: events,
    deliveries: { succeeded, failed, successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null },
    firstAttemptMs: { p50: estimateQuantile(latency, 0.5), p95: estimateQuantile(latency, 0.95), count: latency.reduce((a, b) => a + b, 0) },
    queue: {
      due: queue.due,
      scheduled: queue.scheduled,
      parked: queue.parked,
      inFlight: queue.in_flight,
      oldestDueAgeSeconds: queue.oldest_due ? Math.max(0, Math.round((now.getTime() - queue.oldest_due.getTime()) / 1000)) : null,
    },
    webhooks: {
      counts: counts[0] ?? { working: 0, failing: 0, disabled: 0 },
      top: webhooks.map((w) => ({
        id: w.id,
        url: w.url,
        description: w.description,
        status: webhookStatus(w),
        reason: describeWebhookProblem(w),
        consecutiveFailures: w.consecutiveFailures,
        lastFailureAt: iso(w.lastFailureAt),
        disabledAt: iso(w.disabledAt),
      })),
    },
    workers: workers.map((w) => ({ ...w, startedAt: w.startedAt.toISOString(), seenAt: w.seenAt.toISOString() })),
  };
}

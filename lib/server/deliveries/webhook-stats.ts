import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { STATS_RANGES, type TStatsBucket } from "../../validation/delivery";
import { findWebhookRow } from "../webhooks/get-webhook";

type Row = { bucket: Date; succeeded: bigint | number; failed: bigint | number; retried: bigint | number; p50: number | null; p95: number | null };

/**
 * Per bucket (an hour, or six for the week): deliveries that succeeded and that failed for good (by
 * when their last attempt ended), failed attempts still to be retried, and the p50 / p95 duration
 * of all attempts; every bucket of the range present, empty ones as zeros. Buckets are aligned to
 * multiples of their size in UTC, the last one holding "now".
 */
export async function webhookStats(ctx: TWorkspaceContext, webhookId: string, range: keyof typeof STATS_RANGES, now = new Date()): Promise<TStatsBucket[]> {
  await findWebhookRow(ctx, webhookId); // in this workspace: the query below is by webhook id alone
  const { buckets, bucketHours } = STATS_RANGES[range];
  const size = bucketHours * 3_600_000;
  const end = new Date(Math.floor(now.getTime() / size) * size);
  const start = new Date(end.getTime() - (buckets - 1) * size);
  const step = `${bucketHours} hours`;
  // One pass over the webhook's deliveries of the range and their attempts (index webhookId, createdAt):
  // an attempt belongs to a delivery created at most a retry schedule earlier, so deliveries created
  // up to a day before the range are read too.
  const rows = await ctx.db.$queryRaw<Row[]>`
    with d as (
      select id, status, "completedAt" from "Delivery"
      where "webhookId" = ${webhookId}::uuid and "createdAt" >= ${new Date(start.getTime() - 86_400_000)}
    ),
    finished as (
      select date_bin(${step}::interval, "completedAt", ${start}) as bucket,
        count(*) filter (where status = 'succeeded') as succeeded,
        count(*) filter (where status = 'failed') as failed
      from d where "completedAt" >= ${start} group by 1
    ),
    attempts as (
      select date_bin(${step}::interval, a."startedAt", ${start}) as bucket,
        count(*) filter (where a."errorClass" is not null and d.status <> 'failed') as retried,
        percentile_cont(0.5) within group (order by a."durationMs") as p50,
        percentile_cont(0.95) within group (order by a."durationMs") as p95
      from "Attempt" a join d on d.id = a."deliveryId"
      where a."startedAt" >= ${start} group by 1
    )
    select coalesce(f.bucket, a.bucket) as bucket, coalesce(f.succeeded, 0) as succeeded, coalesce(f.failed, 0) as failed,
      coalesce(a.retried, 0) as retried, a.p50, a.p95
    from finished f full join attempts a on a.bucket = f.bucket`;
  const byStart = new Map(rows.map((r) => [new Date(r.bucket).getTime(), r]));
  return Array.from({ length: buckets }, (_, i) => {
    const t = start.getTime() + i * size;
    const r = byStart.get(t);
    return {
      hour: new Date(t).toISOString(),
      succeeded: Number(r?.succeeded ?? 0),
      failed: Number(r?.failed ?? 0),
      retried: Number(r?.retried ?? 0),
      p50: r?.p50 ?? null,
      p95: r?.p95 ?? null,
    };
  });
}

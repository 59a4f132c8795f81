import "server-only";
import { getDb } from "../../db";
import { findWebhookRow } from "../webhooks/get-webhook";

export const STATS_RANGES = { "24h": 24, "7d": 168 } as const;
export type TStatsRange = keyof typeof STATS_RANGES;
export type TStatsBucket = { hour: string; succeeded: number; failed: number; p50: number | null; p95: number | null };

type Row = { bucket: Date; succeeded: bigint | number; failed: bigint | number; p50: number | null; p95: number | null };

/** Attempts per hour (succeeded / failed) and their p50 / p95 duration, every hour of the range present. */
export async function webhookStats(webhookId: string, range: TStatsRange, now = new Date()): Promise<TStatsBucket[]> {
  await findWebhookRow(webhookId);
  const hours = STATS_RANGES[range];
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - (hours - 1) * 3_600_000);
  const rows = await (await getDb()).$queryRaw<Row[]>`
    select date_trunc('hour', a."startedAt") as bucket,
      count(*) filter (where a."errorClass" is null) as succeeded,
      count(*) filter (where a."errorClass" is not null) as failed,
      percentile_cont(0.5) within group (order by a."durationMs") as p50,
      percentile_cont(0.95) within group (order by a."durationMs") as p95
    from "Attempt" a join "Delivery" d on d.id = a."deliveryId"
    where d."webhookId" = ${webhookId}::uuid and a."startedAt" >= ${start}
    group by 1`;
  const byHour = new Map(rows.map((r) => [new Date(r.bucket).getTime(), r]));
  return Array.from({ length: hours }, (_, i) => {
    const t = start.getTime() + i * 3_600_000;
    const r = byHour.get(t);
    return { hour: new Date(t).toISOString(), succeeded: Number(r?.succeeded ?? 0), failed: Number(r?.failed ?? 0), p50: r?.p50 ?? null, p95: r?.p95 ?? null };
  });
}

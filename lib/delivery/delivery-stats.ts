import { Prisma } from "../generated/prisma/client";

// A workspace's deliveries by the hour they finished (table DeliveryStat), for the overview. Kept up
// by the attempt recorder in the statement that records the attempts (lib/delivery/record-attempts.ts),
// one row per workspace and hour, so the overview reads 24 rows whatever the volume and the hot path
// pays no extra round trip. First-attempt latency (from the delivery's creation, which is when its
// event was published, to the first attempt's answer: queueing and the receiver together) is kept as
// a histogram; its percentiles are estimated within a bucket, as Prometheus' histogram_quantile does.

/** Lower bounds (ms) of the latency buckets; the last bucket has no upper bound. Append only: rows keep counts by position. */
export const LATENCY_BUCKETS_MS = [
  0, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 21_600_000, 86_400_000,
] as const;

/**
 * The CTE `stats` for the recorder's statement: reads `outcomes` (workspace_id, status, attempt,
 * finished_at, created_at) and adds to each workspace's hour. Rows are written in key order, so two
 * workers' statements take their row locks in the same order and cannot deadlock on them.
 */
export function statsUpdateSql(): Prisma.Sql {
  const bounds = Prisma.sql`array[${Prisma.join(LATENCY_BUCKETS_MS.map((ms) => Prisma.sql`${Prisma.raw(String(ms))}`))}]::float8[]`;
  const perBucket = LATENCY_BUCKETS_MS.map((_, i) => Prisma.sql`(count(*) filter (where o.bucket = ${Prisma.raw(String(i + 1))}))::int`);
  return Prisma.sql`
    stats as (
      insert into "DeliveryStat" ("workspaceId", hour, succeeded, failed, "firstLatency")
      select o.workspace_id, o.hour,
        (count(*) filter (where o.status = 'succeeded'))::int,
        (count(*) filter (where o.status = 'failed'))::int,
        array[${Prisma.join(perBucket)}]
      from (
        select workspace_id, status, date_trunc('hour', finished_at) as hour,
          case when attempt = 1 then greatest(1, width_bucket(extract(epoch from finished_at - created_at) * 1000, ${bounds})) end as bucket
        from outcomes
      ) o
      group by 1, 2
      order by 1, 2
      on conflict ("workspaceId", hour) do update set
        succeeded = "DeliveryStat".succeeded + excluded.succeeded,
        failed = "DeliveryStat".failed + excluded.failed,
        "firstLatency" = (
          select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
          from unnest("DeliveryStat"."firstLatency", excluded."firstLatency") with ordinality as u(a, b, i))
      returning 1
    )`;
}

const HOUR_MS = 3_600_000;

/** The start of "the last 24 hours" in whole hours (the counts are hourly): the top of the hour 23 hours before `now`'s. */
export function dayWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS);
}

/** Element-wise sum of histograms (rows of different lengths: the missing counts are 0). */
export function addHistograms(histograms: readonly (readonly number[])[]): number[] {
  const sum = new Array<number>(LATENCY_BUCKETS_MS.length).fill(0);
  for (const h of histograms) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (h[i] ?? 0);
  return sum;
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram, in ms: linear within the bucket it falls in. In the
 * last, unbounded bucket it is that bucket's lower bound (at least that long). Null when empty.
 */
export function estimateQuantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) {
    const n = histogram[i] ?? 0;
    if (n > 0 && below + n >= rank) {
      const low = LATENCY_BUCKETS_MS[i] ?? 0;
      const high = LATENCY_BUCKETS_MS[i + 1];
      if (high === undefined) return low;
      return Math.round(low + ((high - low) * (rank - below)) / n);
    }
    below += n;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1] ?? null;
}

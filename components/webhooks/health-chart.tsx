"use client";

import { useEffect, useRef, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorAlert } from "@/components/ui/alert";
import { useWebhookStats } from "@/lib/queries/use-webhook-stats";
import { STATS_RANGES } from "@/lib/validation/delivery";

type TRange = keyof typeof STATS_RANGES;

const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
const day = (d: Date) => d.toLocaleDateString(undefined, { weekday: "short", day: "numeric" });
/** The tooltip's day names the month too: "Sun 6 Dec" (in the browser's own order). */
const dayWithMonth = (d: Date) => d.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" });

/** An axis label: the hour for a day, the day for a week (its ticks fall at the same hour every day). */
const tickLabel = (iso: string, range: TRange) => (range === "24h" ? time(new Date(iso)) : day(new Date(iso)));

/** A tooltip's heading: the bucket's whole span, "Sun 6 Dec, 21:00 – 22:00". */
export function spanLabel(iso: string, range: TRange) {
  const start = new Date(iso);
  const end = new Date(start.getTime() + STATS_RANGES[range].bucketHours * 3_600_000);
  return `${dayWithMonth(start)}, ${time(start)} – ${time(end)}`;
}

const UNITS: Record<string, string> = { succeeded: "deliveries", failed: "deliveries", retried: "attempts", p50: "ms", p95: "ms" };

// Ticks every 3 hours for a day, every 4 buckets (a day) for a week; the same spacing throughout.
// A narrow chart (a phone) gets half as many, so that labels never run into each other.
const TICK_EVERY: Record<TRange, number> = { "24h": 3, "7d": 4 };
const NARROW_PX = 520;

/** Every how many buckets a tick falls, for a chart `width` px wide. Exported for its unit test. */
export function tickEvery(range: TRange, width: number): number {
  return width > 0 && width < NARROW_PX ? TICK_EVERY[range] * 2 : TICK_EVERY[range];
}

/** The element's width, kept current as it resizes (0 until measured). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * Deliveries per bucket (succeeded / failed for good, and failed attempts to retry) and p50 / p95
 * response time, last 24 h (hours) or 7 d (six-hour buckets). A disabled webhook's pending
 * deliveries are parked, not retried, and the legend says so. Colours come from the theme.
 */
export function HealthChart({ webhookId, isEnabled }: { webhookId: string; isEnabled: boolean }) {
  const [range, setRange] = useState<TRange>("24h");
  const stats = useWebhookStats(webhookId, range);
  const data = stats.data;
  const [box, width] = useWidth<HTMLDivElement>();
  const every = tickEvery(range, width);
  const ticks = data?.filter((_, i) => (data.length - 1 - i) % every === 0).map((b) => b.hour);
  return (
    <section aria-labelledby="health-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="health-title" className="text-base font-semibold text-gray-900">
          Health
        </h2>
        <fieldset aria-label="Range" className="flex gap-1">
          {(["24h", "7d"] as const).map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={range === r}
              onClick={() => setRange(r)}
              className={`rounded-md px-2.5 py-1 text-xs font-medium ${range === r ? "bg-brand-50 text-brand-700" : "text-gray-600 hover:bg-gray-100"}`}
            >
              Last {r}
            </button>
          ))}
        </fieldset>
      </div>
      {stats.error ? <ErrorAlert>{stats.error.message}</ErrorAlert> : null}
      <div
        ref={box}
        className="mt-4 h-64 text-xs [&_.recharts-cartesian-axis-tick-value]:fill-gray-500 [&_.recharts-cartesian-grid_line]:stroke-gray-200 [&_.recharts-legend-item-text]:text-gray-700!"
        data-testid="health-chart"
      >
        {data ? (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="hour" tick={{ fontSize: 11 }} ticks={ticks} interval={0} tickFormatter={(iso: string) => tickLabel(iso, range)} />
              <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 11 }} />
              <YAxis yAxisId="ms" orientation="right" tick={{ fontSize: 11 }} unit=" ms" />
              <Tooltip
                labelFormatter={(hour) => spanLabel(String(hour), range)}
                formatter={(value, _name, item) => [`${Math.round(Number(value)).toLocaleString()} ${UNITS[String(item.dataKey)] ?? ""}`, _name]}
                contentStyle={{ background: "var(--color-white)", borderColor: "var(--color-gray-200)", color: "var(--color-gray-900)", fontSize: 12 }}
                cursor={{ fill: "var(--color-gray-100)" }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="count" dataKey="succeeded" name="Succeeded" stackId="a" fill="#22c55e" isAnimationActive={false} />
              <Bar yAxisId="count" dataKey="failed" name="Failed" stackId="a" fill="#dc2626" isAnimationActive={false} />
              <Bar
                yAxisId="count"
                dataKey="retried"
                name={isEnabled ? "Failed attempts (later retried)" : "Failed attempts, parked (webhook disabled)"}
                stackId="a"
                fill="#f59e0b"
                isAnimationActive={false}
              />
              <Line yAxisId="ms" dataKey="p50" name="p50 time" stroke="#3b6cf6" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
              <Line yAxisId="ms" dataKey="p95" name="p95 time" stroke="#8b5cf6" strokeDasharray="4 3" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <p className="text-sm text-gray-500">Loading…</p>
        )}
      </div>
    </section>
  );
}

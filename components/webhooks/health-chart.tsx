"use client";

import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorAlert } from "@/components/ui/alert";
import { useWebhookStats } from "@/lib/queries/use-webhook-stats";

const hourLabel = (iso: string, range: "24h" | "7d") => {
  const d = new Date(iso);
  return range === "24h"
    ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : d.toLocaleDateString(undefined, { weekday: "short", hour: "2-digit" });
};

/** Deliveries per hour (succeeded / failed for good, and failed attempts to retry) and p50 / p95 response time, last 24 h or 7 d. */
export function HealthChart({ webhookId }: { webhookId: string }) {
  const [range, setRange] = useState<"24h" | "7d">("24h");
  const stats = useWebhookStats(webhookId, range);
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
      <div className="mt-4 h-64" data-testid="health-chart">
        {stats.data ? (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={stats.data.map((b) => ({ ...b, label: hourLabel(b.hour, range) }))} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={24} />
              <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 11 }} />
              <YAxis yAxisId="ms" orientation="right" tick={{ fontSize: 11 }} unit=" ms" />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="count" dataKey="succeeded" name="Succeeded" stackId="a" fill="#22c55e" isAnimationActive={false} />
              <Bar yAxisId="count" dataKey="failed" name="Failed" stackId="a" fill="#dc2626" isAnimationActive={false} />
              <Bar yAxisId="count" dataKey="retried" name="Failed attempts, retrying" stackId="a" fill="#f59e0b" isAnimationActive={false} />
              <Line yAxisId="ms" dataKey="p50" name="p50 time" stroke="#3b6cf6" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
              <Line yAxisId="ms" dataKey="p95" name="p95 time" stroke="#1d41c4" strokeDasharray="4 3" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <p className="text-sm text-gray-500">Loading…</p>
        )}
      </div>
    </section>
  );
}

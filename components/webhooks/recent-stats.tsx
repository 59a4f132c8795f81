import type { TRecentStats } from "@/lib/validation/webhook";

const percent = (rate: number) => `${rate === 1 || rate === 0 ? rate * 100 : (rate * 100).toFixed(1)}%`;

/** The last 24 hours beside the status dot: share of attempts that succeeded, and their p95 time. */
export function RecentStats({ stats }: { stats: TRecentStats | null | undefined }) {
  if (stats === undefined) return null;
  const tone = !stats ? "text-gray-500" : stats.successRate >= 0.99 ? "text-green-700" : stats.successRate >= 0.9 ? "text-amber-700" : "text-red-700";
  return (
    <span className="text-xs text-gray-600" data-testid="recent-stats">
      24 h:{" "}
      {stats ? (
        <>
          <span className={`font-medium ${tone}`}>{percent(stats.successRate)} succeeded</span> of {stats.attempts.toLocaleString()}
          {stats.p95Ms === null ? "" : ` · p95 ${stats.p95Ms.toLocaleString()} ms`}
        </>
      ) : (
        <span className={tone}>no attempts</span>
      )}
    </span>
  );
}

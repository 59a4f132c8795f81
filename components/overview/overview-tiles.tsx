import type { TOverview } from "@/lib/validation/overview";
import { durationText, rateText } from "./format";
import { StatTile } from "./stat-tile";

/** Past this wait, the oldest due delivery is shown as a problem (the README's alert fires at a minute too). */
const LATE_AFTER_S = 60;

/** The last 24 hours and the queue, as numbers. */
export function OverviewTiles({ overview: o }: { overview: TOverview }) {
  const { succeeded, failed, successRate } = o.deliveries;
  const q = o.queue;
  const pending = q.due + q.scheduled + q.inFlight + q.parked;
  const isLate = q.oldestDueAgeSeconds !== null && q.oldestDueAgeSeconds > LATE_AFTER_S;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid="overview-tiles">
      <StatTile label="Events published" value={o.eventsPublished.toLocaleString()} />
      <StatTile label="Succeeded" value={succeeded.toLocaleString()} tone={succeeded > 0 ? "good" : "plain"}>
        {successRate === null ? "none finished yet" : `${rateText(successRate)} of those finished`}
      </StatTile>
      <StatTile label="Failed for good" value={failed.toLocaleString()} tone={failed > 0 ? "bad" : "plain"}>
        every retry used
      </StatTile>
      <StatTile label="First attempt, p50 / p95" value={`${durationText(o.firstAttemptMs.p50)} / ${durationText(o.firstAttemptMs.p95)}`}>
        publish to answer, {o.firstAttemptMs.count.toLocaleString()} {o.firstAttemptMs.count === 1 ? "delivery" : "deliveries"}
      </StatTile>
      <StatTile label="Pending now" value={pending.toLocaleString()}>
        {q.due.toLocaleString()} due · {q.inFlight.toLocaleString()} in flight · {q.scheduled.toLocaleString()} retries · {q.parked.toLocaleString()} parked
      </StatTile>
      <StatTile
        label="Oldest due delivery"
        value={q.oldestDueAgeSeconds === null ? "none due" : durationText(q.oldestDueAgeSeconds * 1_000)}
        tone={isLate ? "bad" : "plain"}
      >
        {isLate ? "waiting longer than a minute" : "how long it has waited"}
      </StatTile>
    </dl>
  );
}

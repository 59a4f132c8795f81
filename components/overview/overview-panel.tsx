"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { useOverview } from "@/lib/queries/use-overview";
import { AttentionList } from "./attention-list";
import { sinceText } from "./format";
import { OverviewTiles } from "./overview-tiles";
import { WorkersList } from "./workers-list";

/** Settings → Overview: the numbers, the webhooks that need someone, the delivery processes. Live. */
export function OverviewPanel() {
  const overview = useOverview();
  if (!overview.data) {
    return overview.error ? (
      <ErrorAlert>The overview could not be read: {overview.error.message}</ErrorAlert>
    ) : (
      <p className="text-sm text-gray-500">Loading…</p>
    );
  }
  const o = overview.data;
  return (
    <div className="space-y-6">
      <div>
        <h2 className="mb-3 text-sm font-medium text-gray-600">
          Last 24 hours <span className="text-gray-500">({sinceText(o.since, new Date(o.now))})</span>
        </h2>
        <OverviewTiles overview={o} />
      </div>
      <AttentionList webhooks={o.webhooks} />
      <WorkersList workers={o.workers} now={new Date(o.now).getTime()} />
    </div>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { fromLocalInput, toLocalInput } from "@/lib/client/local-time";
import { useReplayWebhook } from "@/lib/queries/use-replay-webhook";

const dayAgo = () => toLocalInput(new Date(Date.now() - 86_400_000).toISOString());

/** "Replay failures since": re-queue this webhook's failed and parked deliveries since a chosen time. */
export function ReplayForm({ webhookId, isEnabled }: { webhookId: string; isEnabled: boolean }) {
  const [since, setSince] = useState(dayAgo);
  const replay = useReplayWebhook(webhookId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    replay.mutate(fromLocalInput(since) ?? new Date(0).toISOString());
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <label className="text-xs font-medium text-gray-600">
        Replay failures since
        <input
          type="datetime-local"
          required
          value={since}
          onChange={(e) => setSince(e.target.value)}
          className="mt-1 block rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={replay.isPending || !since}>
        {replay.isPending ? "Replaying…" : "Replay"}
      </Button>
      {replay.data ? (
        <p role="status" className="w-full text-sm text-gray-700">
          Re-queued {replay.data.requeued} {replay.data.requeued === 1 ? "delivery" : "deliveries"}
          {replay.data.requeued > 0 && !isEnabled ? "; they go out when the webhook is enabled." : "."}
        </p>
      ) : null}
      {replay.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {replay.error.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { formatTime } from "@/components/deliveries/delivery-status";
import { DeliveryTable } from "@/components/deliveries/delivery-table";
import { ErrorAlert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { useEvent } from "@/lib/queries/use-event";

const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2);

/** An event as a unit: what was published and when, and every delivery it made, to which webhook, with what outcome. */
export function EventDetail({ id }: { id: string }) {
  const router = useRouter();
  const event = useEvent(id);
  if (event.isPending) return <p className="text-sm text-gray-500">Loading…</p>;
  if (event.error)
    return (
      <ErrorAlert>{event.error.message.includes("not found") ? `No event ${id} (it may be older than the retention period).` : event.error.message}</ErrorAlert>
    );
  const e = event.data;
  const webhooks = [...new Map(e.deliveries.map((d) => [d.webhookId, { id: d.webhookId, url: d.webhookUrl, description: d.webhookDescription }])).values()];
  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-gray-500">Event</dt>
          <dd className="font-mono break-all">{e.id}</dd>
          <dt className="text-gray-500">Type</dt>
          <dd className="font-mono">{e.event}</dd>
          <dt className="text-gray-500">Project</dt>
          <dd>{e.projectId ?? "—"}</dd>
          <dt className="text-gray-500">Published</dt>
          <dd>{formatTime(e.timestamp)}</dd>
          <dt className="text-gray-500">Deliveries</dt>
          <dd>{e.deliveries.length === 0 ? "None: no enabled webhook subscribed to it when it was published" : e.deliveries.length}</dd>
        </dl>
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-gray-900">Body</h2>
          <CopyButton value={e.body} />
        </div>
        <p className="mt-1 text-xs text-gray-600">The same bytes on every delivery of this event (shown pretty-printed, copied exactly).</p>
        <CodeBlock className="mt-2 max-h-80 overflow-auto rounded bg-gray-50 p-3 font-mono text-xs">{pretty(e.body)}</CodeBlock>
      </section>

      {e.deliveries.length > 0 ? (
        <section className="space-y-3">
          <h2 className="text-base font-semibold text-gray-900">Deliveries ({e.deliveries.length})</h2>
          <DeliveryTable
            rows={e.deliveries}
            webhooks={webhooks}
            onFilterWebhook={(webhookId) => router.push(`/settings/webhooks/deliveries?webhookId=${webhookId}`)}
          />
        </section>
      ) : null}
    </div>
  );
}

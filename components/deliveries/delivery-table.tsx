"use client";

import Link from "next/link";
import { STACKED } from "@/components/ui/stacked-table";
import type { TDelivery } from "@/lib/validation/delivery";
import { describeOutcome } from "@/lib/validation/error-class";
import type { TWebhook } from "@/lib/validation/webhook";
import { DeliveryStatus, formatShortTime } from "./delivery-status";
import { WebhookCell } from "./webhook-label";

const LABELLED = STACKED.cell;

type Props = {
  rows: TDelivery[];
  /** Absent on a webhook's own page: there is no Webhook column. */
  webhooks?: Pick<TWebhook, "id" | "url" | "description">[];
  onFilterWebhook: (webhookId: string) => void;
  /** Rows ticked for a bulk action (the log's Redeliver selected); without it, no checkboxes. */
  selection?: { selected: ReadonlySet<string>; onSelect: (ids: string[], isSelected: boolean) => void };
};

/** What the HTTP cell says: the status, or why there is none (timeout, DNS…), or a dash before any attempt. */
const httpOutcome = (d: TDelivery) =>
  d.lastStatusCode == null && !d.lastErrorClass ? "—" : describeOutcome({ statusCode: d.lastStatusCode, errorClass: d.lastErrorClass });

export function DeliveryTable({ rows, webhooks, onFilterWebhook, selection }: Props) {
  const isAllSelected = selection !== undefined && rows.length > 0 && rows.every((d) => selection.selected.has(d.id));
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <table className={STACKED.table}>
        <thead className={STACKED.thead}>
          <tr>
            {selection ? (
              <th className="w-8 px-3 py-3">
                <input
                  type="checkbox"
                  aria-label="Select every delivery shown"
                  checked={isAllSelected}
                  onChange={(e) =>
                    selection.onSelect(
                      rows.map((d) => d.id),
                      e.target.checked,
                    )
                  }
                />
              </th>
            ) : null}
            <th className="px-3 py-3 font-semibold">Created</th>
            <th className="px-3 py-3 font-semibold">Event</th>
            {webhooks ? <th className="px-3 py-3 font-semibold">Webhook</th> : null}
            <th className="px-3 py-3 font-semibold">Status</th>
            <th className="px-3 py-3 font-semibold">HTTP</th>
            <th className="px-3 py-3 font-semibold">Duration</th>
            <th className="px-3 py-3 font-semibold">Attempts</th>
            <th className="px-3 py-3 font-semibold">Delivery</th>
          </tr>
        </thead>
        <tbody className={STACKED.tbody}>
          {rows.map((d) => (
            <tr key={d.id} className={`hover:bg-gray-50 ${STACKED.row}`} data-testid="delivery-row">
              {selection ? (
                <td data-label="Select" className={LABELLED}>
                  <input
                    type="checkbox"
                    aria-label={`Select delivery ${d.id.slice(0, 8)}`}
                    checked={selection.selected.has(d.id)}
                    onChange={(e) => selection.onSelect([d.id], e.target.checked)}
                  />
                </td>
              ) : null}
              <td data-label="Created" className={`${LABELLED} whitespace-nowrap text-gray-700`}>
                {formatShortTime(d.createdAt)}
              </td>
              <td data-label="Event" className={`${LABELLED} font-mono text-xs break-all`}>
                {d.event}
              </td>
              {webhooks ? (
                <td data-label="Webhook" className={`${LABELLED} max-w-44 max-sm:max-w-none`}>
                  <WebhookCell webhook={webhooks.find((w) => w.id === d.webhookId)} webhookId={d.webhookId} onFilter={() => onFilterWebhook(d.webhookId)} />
                </td>
              ) : null}
              <td data-label="Status" className={LABELLED}>
                <DeliveryStatus delivery={d} />
              </td>
              <td data-label="HTTP" className={`${LABELLED} text-xs`}>
                {httpOutcome(d)}
              </td>
              <td data-label="Duration" className={`${LABELLED} whitespace-nowrap text-xs text-gray-700`}>
                {d.lastDurationMs === null ? "—" : `${d.lastDurationMs.toLocaleString()} ms`}
              </td>
              <td data-label="Attempts" className={`${LABELLED} text-gray-700`}>
                {d.attemptCount}
              </td>
              <td data-label="Delivery" className={LABELLED}>
                <Link
                  href={`/settings/webhooks/deliveries/${d.id}`}
                  aria-label={`Delivery ${d.id}`}
                  className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline max-sm:py-1"
                >
                  {d.id.slice(0, 8)}…
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

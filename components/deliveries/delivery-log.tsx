"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TDeliveryFilters } from "@/lib/client/deliveries-api";
import { fromLocalInput, toLocalInput } from "@/lib/client/local-time";
import { useDeliveries } from "@/lib/queries/use-deliveries";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { useWebhookOptions } from "@/lib/queries/use-webhook-options";
import { DELIVERY_STATUSES, STATUS_CLASSES } from "@/lib/validation/delivery";
import { DeliveryStatus, formatShortTime } from "./delivery-status";

const FILTER_KEYS = ["webhookId", "event", "status", "statusClass", "since", "until"] as const;
const SELECT = "rounded-md border-0 py-1.5 pr-8 pl-2 text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500";

type TFilterSelect = {
  label: string;
  anyLabel: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: [string, string][];
  className?: string;
};

function FilterSelect({ label, anyLabel, value, onChange, options, className = "" }: TFilterSelect) {
  return (
    <label className="text-xs font-medium text-gray-600">
      {label}
      <select className={`${SELECT} mt-1 block ${className}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Newest first, filters kept in the URL (shareable), more pages on demand. */
export function DeliveryLog({ fixedWebhookId }: { fixedWebhookId?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters: TDeliveryFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  if (fixedWebhookId) filters.webhookId = fixedWebhookId;
  const deliveries = useDeliveries(filters);
  const eventTypes = useEventTypes();
  const webhooks = useWebhookOptions();
  const urlOf = (id: string) => webhooks.data?.find((w) => w.id === id)?.url ?? id;

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };

  const rows = deliveries.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <legend className="sr-only">Filters</legend>
        {!fixedWebhookId ? (
          <FilterSelect
            label="Webhook"
            anyLabel="All webhooks"
            value={filters.webhookId}
            onChange={(v) => setFilter("webhookId", v)}
            options={webhooks.data?.map((w) => [w.id, w.url]) ?? []}
            className="max-w-56"
          />
        ) : null}
        <FilterSelect
          label="Event"
          anyLabel="All events"
          value={filters.event}
          onChange={(v) => setFilter("event", v)}
          options={eventTypes.data?.map((e) => [e.name, e.name]) ?? []}
          className="max-w-48"
        />
        <FilterSelect
          label="Status"
          anyLabel="Any"
          value={filters.status}
          onChange={(v) => setFilter("status", v)}
          options={DELIVERY_STATUSES.map((st) => [st, st.replace("_", " ")])}
        />
        <FilterSelect
          label="HTTP status"
          anyLabel="Any"
          value={filters.statusClass}
          onChange={(v) => setFilter("statusClass", v)}
          options={STATUS_CLASSES.map((c) => [c, c === "none" ? "no answer" : c])}
        />
        <label className="text-xs font-medium text-gray-600">
          From
          <input
            type="datetime-local"
            className={`${SELECT} mt-1 block pr-2`}
            value={toLocalInput(filters.since)}
            onChange={(e) => setFilter("since", fromLocalInput(e.target.value))}
          />
        </label>
        <label className="text-xs font-medium text-gray-600">
          Until
          <input
            type="datetime-local"
            className={`${SELECT} mt-1 block pr-2`}
            value={toLocalInput(filters.until)}
            onChange={(e) => setFilter("until", fromLocalInput(e.target.value))}
          />
        </label>
      </fieldset>

      {deliveries.error ? <ErrorAlert>Could not load deliveries: {deliveries.error.message}</ErrorAlert> : null}
      {deliveries.isPending ? <p className="text-sm text-gray-500">Loading deliveries…</p> : null}
      {deliveries.data && rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200">No deliveries match these filters.</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-gray-200 text-xs text-gray-500 uppercase">
              <tr>
                <th className="px-3 py-3 font-semibold">Created</th>
                <th className="px-3 py-3 font-semibold">Event</th>
                {!fixedWebhookId ? <th className="px-3 py-3 font-semibold">Webhook</th> : null}
                <th className="px-3 py-3 font-semibold">Status</th>
                <th className="px-3 py-3 font-semibold">HTTP</th>
                <th className="px-3 py-3 font-semibold">Attempts</th>
                <th className="px-3 py-3 font-semibold">Delivery</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((d) => (
                <tr key={d.id} className="hover:bg-gray-50" data-testid="delivery-row">
                  <td className="px-3 py-2.5 whitespace-nowrap text-gray-700">{formatShortTime(d.createdAt)}</td>
                  <td className="px-3 py-2.5 font-mono text-xs">{d.event}</td>
                  {!fixedWebhookId ? <td className="max-w-44 truncate px-4 py-2.5 font-mono text-xs text-gray-600">{urlOf(d.webhookId)}</td> : null}
                  <td className="px-3 py-2.5">
                    <DeliveryStatus status={d.status} />
                  </td>
                  <td className="px-3 py-2.5 font-mono text-xs">{d.lastStatusCode ?? "—"}</td>
                  <td className="px-3 py-2.5 text-gray-700">{d.attemptCount}</td>
                  <td className="px-3 py-2.5">
                    <Link href={`/settings/webhooks/deliveries/${d.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                      {d.id.slice(0, 8)}…
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {deliveries.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" disabled={deliveries.isFetchingNextPage} onClick={() => deliveries.fetchNextPage()}>
            {deliveries.isFetchingNextPage ? "Loading…" : "Load older deliveries"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { DELIVERY_PAGE_SIZE } from "@/lib/client/deliveries-api";
import { useDeliveries } from "@/lib/queries/use-deliveries";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { useLiveLog } from "@/lib/queries/use-live-log";
import { useRedeliverMany } from "@/lib/queries/use-redeliver-many";
import { useWebhookOptions } from "@/lib/queries/use-webhook-options";
import { REDELIVER_MANY_MAX, type TRedeliverManyResult } from "@/lib/validation/delivery";
import { DeliveryFilters, FILTER_KEYS, type TFilterKey, type TFilterValues } from "./delivery-filters";
import { DeliveryTable } from "./delivery-table";

/** "Redelivered 12: 10 succeeded, 2 failed; 1 was being sent already". Exported for its unit test. */
export function redeliveredSummary(results: TRedeliverManyResult["data"]): string {
  const sent = results.filter((r) => r.outcome === "sent");
  const succeeded = sent.filter((r) => r.delivery?.status === "succeeded").length;
  const busy = results.filter((r) => r.outcome === "in_flight").length;
  const parts = [`Redelivered ${sent.length}: ${succeeded} succeeded, ${sent.length - succeeded} did not`];
  if (busy) parts.push(`${busy} ${busy === 1 ? "was" : "were"} being sent already`);
  return parts.join("; ");
}

/** Newest first, filters kept in the URL (shareable), more pages on demand. */
export function DeliveryLog({ fixedWebhookId }: { fixedWebhookId?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const values: TFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const filters = fixedWebhookId ? { ...values, webhookId: fixedWebhookId } : values;
  const deliveries = useDeliveries(filters);
  const live = useLiveLog(filters, Object.keys(values).length > 0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const many = useRedeliverMany();
  const toast = useToast();
  const select = (ids: string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected && next.size < REDELIVER_MANY_MAX) next.add(id);
        else if (!isSelected) next.delete(id);
      }
      return next;
    });
  const eventTypes = useEventTypes();
  const webhookOptions = useWebhookOptions();
  const webhooks = fixedWebhookId ? undefined : (webhookOptions.data ?? []);

  const go = (next: URLSearchParams) => router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  const setFilter = (key: TFilterKey, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    go(next);
  };
  const clear = () => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) next.delete(key);
    go(next);
  };

  const rows = deliveries.data?.pages.flatMap((p) => p.data) ?? [];
  const shownSelected = rows.filter((d) => selected.has(d.id)).map((d) => d.id);
  const redeliverSelected = () =>
    many.mutate(shownSelected, {
      onSuccess: ({ data }) => {
        setSelected(new Set());
        toast.success(redeliveredSummary(data));
      },
      onError: (e) => toast.error(`Could not redeliver: ${e.message}`),
    });
  return (
    <div className="space-y-4">
      <DeliveryFilters values={values} setFilter={setFilter} clear={clear} eventTypes={eventTypes.data ?? []} webhooks={webhooks} />
      <div aria-live="polite" className="flex justify-center empty:hidden">
        {live.newCount > 0 ? (
          <Button variant="secondary" onClick={live.showNew}>
            {live.newCount >= DELIVERY_PAGE_SIZE ? `${DELIVERY_PAGE_SIZE}+` : live.newCount} new {live.newCount === 1 ? "delivery" : "deliveries"} ↑
          </Button>
        ) : null}
      </div>
      {deliveries.error ? <ErrorAlert>Could not load deliveries: {deliveries.error.message}</ErrorAlert> : null}
      {deliveries.isPending ? <p className="text-sm text-gray-500">Loading deliveries…</p> : null}
      {deliveries.data && rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200">No deliveries match these filters.</p>
      ) : null}
      {shownSelected.length > 0 ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 px-4 py-2 text-sm text-brand-700 ring-1 ring-brand-200"
          data-testid="selection-bar"
        >
          <span>
            {shownSelected.length} selected{shownSelected.length >= REDELIVER_MANY_MAX ? ` (at most ${REDELIVER_MANY_MAX} at once)` : ""}
          </span>
          <Button
            aria-disabled={many.isPending}
            className="aria-disabled:cursor-wait aria-disabled:opacity-60"
            onClick={() => (many.isPending ? undefined : redeliverSelected())}
          >
            {many.isPending ? `Redelivering ${shownSelected.length}…` : "Redeliver selected"}
          </Button>
          <Button variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <DeliveryTable rows={rows} webhooks={webhooks} onFilterWebhook={(id) => setFilter("webhookId", id)} selection={{ selected, onSelect: select }} />
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

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DELIVERY_PAGE_SIZE } from "@/lib/client/deliveries-api";
import { useDeliveries } from "@/lib/queries/use-deliveries";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { useLiveLog } from "@/lib/queries/use-live-log";
import { useWebhookOptions } from "@/lib/queries/use-webhook-options";
import { DeliveryFilters, FILTER_KEYS, type TFilterKey, type TFilterValues } from "./delivery-filters";
import { DeliveryTable } from "./delivery-table";

/** Newest first, filters kept in the URL (shareable), more pages on demand. */
export function DeliveryLog({ fixedWebhookId }: { fixedWebhookId?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const values: TFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const filters = fixedWebhookId ? { ...values, webhookId: fixedWebhookId } : values;
  const deliveries = useDeliveries(filters);
  const live = useLiveLog(filters, Object.keys(values).length > 0);
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
      {rows.length > 0 ? <DeliveryTable rows={rows} webhooks={webhooks} onFilterWebhook={(id) => setFilter("webhookId", id)} /> : null}
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

import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { fetchDeliveries, type TDeliveryFilters, type TDeliveryPage } from "../client/deliveries-api";
import type { TDelivery } from "../validation/delivery";
import { deliveryKeys } from "./keys";
import { useLiveTopic } from "./use-live-topic";

/** Scrolled further than this, the admin is reading: new rows wait behind "n new deliveries". */
const TOP_PX = 80;

/**
 * Newer deliveries in `peek` (the log's first page now) than in `shown`: the rows before the first
 * one already shown, as the log is newest first. Every row when none of them is shown (more than a
 * page arrived). Exported for its unit test.
 */
export function countNewer(peek: TDelivery[], shown: TDelivery[]): number {
  const known = new Set(shown.map((d) => d.id));
  const firstKnown = peek.findIndex((d) => known.has(d.id));
  return firstKnown === -1 ? peek.length : firstKnown;
}

/** The pages with every row that `peek` has a newer copy of replaced in place (statuses move, rows do not). */
export function mergeInPlace(data: InfiniteData<TDeliveryPage, string | null>, peek: TDelivery[]): InfiniteData<TDeliveryPage, string | null> {
  const latest = new Map(peek.map((d) => [d.id, d]));
  return { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map((d) => latest.get(d.id) ?? d) })) };
}

/**
 * The delivery log, live. When the admin is at the top of an unfiltered log, new rows simply arrive
 * there. Otherwise (scrolled, filtered, older pages loaded) rows never move under the pointer: the
 * rows shown are updated in place and the new ones are counted for a "n new deliveries" button,
 * which `showNew` answers by going to the top with the newest page.
 */
export function useLiveLog(filters: TDeliveryFilters, isFiltered: boolean) {
  const queryClient = useQueryClient();
  const [newCount, setNewCount] = useState(0);
  const isPeeking = useRef(false);
  const key = deliveryKeys.list(filters);

  useLiveTopic("deliveries", () => {
    const data = queryClient.getQueryData<InfiniteData<TDeliveryPage, string | null>>(key);
    if (!data) return;
    if (!isFiltered && data.pages.length <= 1 && window.scrollY < TOP_PX) {
      setNewCount(0);
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
      return;
    }
    if (isPeeking.current) return;
    isPeeking.current = true;
    void fetchDeliveries(filters, null)
      .then((page) => {
        const current = queryClient.getQueryData<InfiniteData<TDeliveryPage, string | null>>(key);
        if (!current) return;
        setNewCount(
          countNewer(
            page.data,
            current.pages.flatMap((p) => p.data),
          ),
        );
        queryClient.setQueryData(key, mergeInPlace(current, page.data));
      })
      .catch(() => {}) // the next change tries again; the log keeps what it shows
      .finally(() => {
        isPeeking.current = false;
      });
  });

  const showNew = () => {
    setNewCount(0);
    window.scrollTo({ top: 0 });
    void queryClient.resetQueries({ queryKey: key, exact: true });
  };
  return { newCount, showNew };
}

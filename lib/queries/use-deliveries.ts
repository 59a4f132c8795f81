import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchDeliveries, type TDeliveryFilters } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** The first page has no cursor (annotated, so the page parameter's type is string | null). */
const FIRST_PAGE: string | null = null;

/** The delivery log, newest first, a page at a time (fetchNextPage for more). */
export function useDeliveries(filters: TDeliveryFilters) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchDeliveries(filters, pageParam, signal),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextCursor,
  });
}

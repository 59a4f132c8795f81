import { useQuery } from "@tanstack/react-query";
import { fetchDelivery } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** One delivery; while it is still pending or in flight it is re-read every few seconds. */
export function useDelivery(id: string) {
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => fetchDelivery(id, signal),
    refetchInterval: (query) => (query.state.data?.status === "pending" || query.state.data?.status === "in_flight" ? 3_000 : false),
  });
}

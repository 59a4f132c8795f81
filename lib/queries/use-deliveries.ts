import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchDeliveries, fetchDelivery, fetchWebhookStats, redeliver, type TDeliveryFilters } from "../client/deliveries";
import { deliveryKeys, webhookKeys } from "./keys";

export function useDeliveries(filters: TDeliveryFilters) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchDeliveries(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One delivery; while it is still pending or in flight it is re-read every few seconds. */
export function useDelivery(id: string) {
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => fetchDelivery(id, signal),
    refetchInterval: (query) => (query.state.data?.status === "pending" || query.state.data?.status === "in_flight" ? 3_000 : false),
  });
}

export function useRedeliver(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => redeliver(id),
    onSuccess: (detail) => client.setQueryData(deliveryKeys.detail(id), detail),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: deliveryKeys.all }), client.invalidateQueries({ queryKey: webhookKeys.all })]),
  });
}

export function useWebhookStats(id: string, range: "24h" | "7d") {
  return useQuery({ queryKey: deliveryKeys.stats(id, range), queryFn: ({ signal }) => fetchWebhookStats(id, range, signal), refetchInterval: 60_000 });
}

import { useQuery } from "@tanstack/react-query";
import { fetchWebhookQueue } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** The webhook's queue, re-read every 2 s while something waits or is in flight, every 15 s otherwise. */
export function useWebhookQueue(id: string) {
  return useQuery({
    queryKey: deliveryKeys.queue(id),
    queryFn: ({ signal }) => fetchWebhookQueue(id, signal),
    refetchInterval: (query) => {
      const q = query.state.data;
      return q && q.queued + q.inFlight > 0 ? 2_000 : 15_000;
    },
  });
}

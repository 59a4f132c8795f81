import { useQuery } from "@tanstack/react-query";
import { fetchWebhookQueue } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** The webhook's queue; re-read whenever the live stream says deliveries changed. */
export function useWebhookQueue(id: string) {
  return useQuery({ queryKey: deliveryKeys.queue(id), queryFn: ({ signal }) => fetchWebhookQueue(id, signal) });
}

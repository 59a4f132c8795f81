import { useQuery } from "@tanstack/react-query";
import { fetchWebhookStats } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

export function useWebhookStats(id: string, range: "24h" | "7d") {
  return useQuery({ queryKey: deliveryKeys.stats(id, range), queryFn: ({ signal }) => fetchWebhookStats(id, range, signal), refetchInterval: 60_000 });
}

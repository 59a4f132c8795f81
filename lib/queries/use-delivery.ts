import { useQuery } from "@tanstack/react-query";
import { fetchDelivery } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** One delivery; re-read whenever the live stream says deliveries changed (components/layout/live-updates.tsx). */
export function useDelivery(id: string) {
  return useQuery({ queryKey: deliveryKeys.detail(id), queryFn: ({ signal }) => fetchDelivery(id, signal) });
}

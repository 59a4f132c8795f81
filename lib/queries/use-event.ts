import { useQuery } from "@tanstack/react-query";
import { fetchEvent } from "../client/events-api";
import { eventKeys } from "./keys";

/** One event with its deliveries; re-read every few seconds while any of them is still on its way. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => fetchEvent(id, signal),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => (d.status === "pending" && !d.isParked) || d.status === "in_flight") ? 3_000 : false),
  });
}

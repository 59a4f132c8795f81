import { useQuery } from "@tanstack/react-query";
import { fetchEvent } from "../client/events-api";
import { eventKeys } from "./keys";

/** One event with its deliveries; re-read whenever the live stream says deliveries changed. */
export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.detail(id), queryFn: ({ signal }) => fetchEvent(id, signal) });
}

import { useQuery } from "@tanstack/react-query";
import { fetchEventTypes } from "../client/catalog-api";
import { catalogKeys } from "./keys";

/** The event catalog; it changes rarely, so it is kept for the whole visit. */
export function useEventTypes() {
  return useQuery({ queryKey: catalogKeys.eventTypes, queryFn: ({ signal }) => fetchEventTypes(signal), staleTime: 5 * 60_000 });
}

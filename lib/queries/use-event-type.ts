import { useQuery } from "@tanstack/react-query";
import { fetchEventType } from "../client/catalog-api";
import { catalogKeys } from "./keys";

/** One event type with its schema and example, read when asked for (null: nothing asked). */
export function useEventType(name: string | null) {
  return useQuery({
    queryKey: catalogKeys.eventType(name ?? ""),
    queryFn: ({ signal }) => fetchEventType(name as string, signal),
    enabled: name !== null,
    staleTime: 5 * 60_000,
  });
}

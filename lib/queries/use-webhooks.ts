import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchWebhooks, type TWebhookFilters } from "../client/webhooks";
import { webhookKeys } from "./keys";

/** The webhook list, newest first, a page at a time (fetchNextPage for more). */
export function useWebhooks(filters: TWebhookFilters = {}) {
  return useInfiniteQuery({
    queryKey: webhookKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchWebhooks({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

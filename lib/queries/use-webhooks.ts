import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchWebhooks, type TWebhookFilters } from "../client/webhooks-api";
import { webhookKeys } from "./keys";

/** The first page has no cursor (annotated, so the page parameter's type is string | undefined). */
const FIRST_PAGE: string | undefined = undefined;

/** The webhook list, newest first, a page at a time (fetchNextPage for more). */
export function useWebhooks(filters: TWebhookFilters = {}) {
  return useInfiniteQuery({
    queryKey: webhookKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchWebhooks({ ...filters, cursor: pageParam }, signal),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

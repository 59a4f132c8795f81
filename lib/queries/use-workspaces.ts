import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchWorkspaces } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

/** The first page has no cursor (annotated, so the page parameter's type is string | undefined). */
const FIRST_PAGE: string | undefined = undefined;

/** The installation's workspaces, oldest first, a page at a time (fetchNextPage for more). */
export function useWorkspaces() {
  return useInfiniteQuery({
    queryKey: workspaceKeys.lists(),
    queryFn: ({ pageParam, signal }) => fetchWorkspaces({ cursor: pageParam }, signal),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchAuditLog, type TAuditFilters, type TAuditSourceName } from "../client/audit-api";
import { auditKeys } from "./keys";

/** The first page has no cursor (annotated, so the page parameter's type is string | null). */
const FIRST_PAGE: string | null = null;

/** An audit log, newest first, a page at a time (fetchNextPage for more). */
export function useAuditLog(source: TAuditSourceName, filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(source, filters),
    queryFn: ({ pageParam, signal }) => fetchAuditLog(source, filters, pageParam, signal),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextCursor,
  });
}

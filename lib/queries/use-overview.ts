import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchOverview } from "../client/overview-api";
import { deliveryKeys } from "./keys";
import { useLiveTopic } from "./use-live-topic";

/** Ages and heartbeats move without any write: re-read this often even when nothing is announced. */
export const OVERVIEW_REFRESH_MS = 15_000;

/**
 * The workspace's overview. Re-read when the live stream says deliveries changed (its key is under
 * deliveries), when webhooks changed (an admin's enable or disable), and every OVERVIEW_REFRESH_MS.
 */
export function useOverview() {
  const queryClient = useQueryClient();
  useLiveTopic("webhooks", () => void queryClient.invalidateQueries({ queryKey: deliveryKeys.overview() }));
  return useQuery({ queryKey: deliveryKeys.overview(), queryFn: ({ signal }) => fetchOverview(signal), refetchInterval: OVERVIEW_REFRESH_MS });
}

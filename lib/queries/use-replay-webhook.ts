import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postReplay } from "../client/deliveries-api";
import { deliveryKeys } from "./keys";

/** Re-queues the webhook's failed and parked deliveries since an ISO instant (the variables). */
export function useReplayWebhook(webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (since: string) => postReplay(webhookId, since),
    onSettled: () => client.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

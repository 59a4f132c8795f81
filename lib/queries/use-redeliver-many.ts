import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRedeliverMany } from "../client/deliveries-api";
import { deliveryKeys, webhookKeys } from "./keys";

/** Sends the selected deliveries again, each its own attempt; the log (every page of it) and webhook health re-read. */
export function useRedeliverMany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => postRedeliverMany(ids),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: deliveryKeys.all }), client.invalidateQueries({ queryKey: webhookKeys.all })]),
  });
}

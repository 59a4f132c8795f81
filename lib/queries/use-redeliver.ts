import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRedeliver } from "../client/deliveries-api";
import { deliveryKeys, webhookKeys } from "./keys";

/** Sends the delivery again; its detail shows the answer at once, lists and webhook health re-read. */
export function useRedeliver(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => postRedeliver(id),
    onSuccess: (detail) => client.setQueryData(deliveryKeys.detail(id), detail),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: deliveryKeys.all }), client.invalidateQueries({ queryKey: webhookKeys.all })]),
  });
}

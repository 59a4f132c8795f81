import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postWebhook } from "../client/webhooks-api";
import { webhookKeys } from "./keys";

/** Variables: the create body (ZWebhookCreate's input); the result holds the signing token, shown once. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postWebhook, onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }) });
}

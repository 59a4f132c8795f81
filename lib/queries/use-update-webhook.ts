import { useMutation, useQueryClient } from "@tanstack/react-query";
import { patchWebhook } from "../client/webhooks-api";
import type { TWebhookUpdate } from "../validation/webhook";
import { webhookKeys } from "./keys";

export type TUpdateWebhookVars = { id: string; body: TWebhookUpdate };

/** Variables: the webhook's id and the PATCH body (ZWebhookUpdate's input). */
export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: TUpdateWebhookVars) => patchWebhook(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

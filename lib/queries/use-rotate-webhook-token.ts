import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRotateToken } from "../client/webhooks-api";
import type { TRotationOverlap } from "../validation/webhook";
import { webhookKeys } from "./keys";

/** A new signing token, the old one signing beside it for the overlap (variables); the webhook is re-read for its expiry. */
export function useRotateWebhookToken(webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (overlap: TRotationOverlap) => postRotateToken(webhookId, overlap),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.detail(webhookId) }),
  });
}

import { useMutation } from "@tanstack/react-query";
import { postRotateToken } from "../client/webhooks-api";

/** A new signing token; the old one keeps signing for 24 hours (the result holds the new token). */
export function useRotateWebhookToken(webhookId: string) {
  return useMutation({ mutationFn: () => postRotateToken(webhookId) });
}

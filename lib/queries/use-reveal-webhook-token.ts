import { useMutation } from "@tanstack/react-query";
import { fetchWebhookToken } from "../client/webhooks-api";

/** Reads the signing token on demand: a mutation, not a query, so the secret is never cached. */
export function useRevealWebhookToken(webhookId: string) {
  return useMutation({ mutationFn: () => fetchWebhookToken(webhookId) });
}

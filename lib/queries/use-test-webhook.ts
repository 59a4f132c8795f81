import { useMutation } from "@tanstack/react-query";
import { postWebhookTest } from "../client/webhooks-api";

/** Sends one test event to a saved webhook or an unsaved URL (variables: TTestTarget); nothing is stored. */
export function useTestWebhook() {
  return useMutation({ mutationFn: postWebhookTest });
}

export type TTestWebhookMutation = ReturnType<typeof useTestWebhook>;

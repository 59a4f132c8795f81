import { useMutation } from "@tanstack/react-query";
import { postWebhookTest } from "../client/webhooks-api";

/** Sends a test ping to a saved webhook or an unsaved URL, or an event type's example to a saved one (variables: TTestTarget; an example is kept in the log). */
export function useTestWebhook() {
  return useMutation({ mutationFn: postWebhookTest });
}

export type TTestWebhookMutation = ReturnType<typeof useTestWebhook>;

import { useQuery } from "@tanstack/react-query";
import { fetchAllWebhooks } from "../client/webhooks-api";
import { webhookKeys } from "./keys";

/** Every webhook, for a filter or picker that must offer them all. */
export function useWebhookOptions() {
  return useQuery({ queryKey: webhookKeys.options(), queryFn: ({ signal }) => fetchAllWebhooks(signal) });
}

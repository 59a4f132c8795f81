import { useQuery } from "@tanstack/react-query";
import { fetchWebhooks, type TWebhookFilters } from "../client/webhooks";
import { webhookKeys } from "./keys";

export function useWebhooks(filters: TWebhookFilters = {}) {
  return useQuery({ queryKey: webhookKeys.list(filters), queryFn: ({ signal }) => fetchWebhooks(filters, signal) });
}

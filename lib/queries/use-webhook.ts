import { useQuery } from "@tanstack/react-query";
import { fetchWebhook } from "../client/webhooks-api";
import { webhookKeys } from "./keys";

export function useWebhook(id: string) {
  return useQuery({ queryKey: webhookKeys.detail(id), queryFn: ({ signal }) => fetchWebhook(id, signal) });
}

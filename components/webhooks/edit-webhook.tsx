"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { useWebhook } from "@/lib/queries/use-webhook";
import { WebhookForm } from "./webhook-form";

export function EditWebhook({ id }: { id: string }) {
  const webhook = useWebhook(id);
  if (webhook.isPending) return <p className="text-sm text-gray-500">Loading…</p>;
  if (webhook.error) return <ErrorAlert>Could not load the webhook: {webhook.error.message}</ErrorAlert>;
  // Keyed by id only: the form keeps what the admin typed while the cached webhook refreshes.
  return <WebhookForm key={webhook.data.id} webhook={webhook.data} />;
}

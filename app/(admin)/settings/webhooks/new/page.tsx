import type { Metadata } from "next";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { requireAdminPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "New webhook · Hookline" };

export default async function NewWebhookPage() {
  await requireAdminPage("/settings/webhooks/new");
  return (
    <>
      <SubPageHeader
        backHref="/settings/webhooks"
        backLabel="Webhooks"
        title="Create webhook"
        description="Point a URL at the events and projects it should receive. It starts disabled: once it is created, test the URL and enable it."
      />
      <WebhookForm />
    </>
  );
}

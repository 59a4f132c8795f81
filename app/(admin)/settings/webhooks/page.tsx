import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NewWebhookLink, WebhookList } from "@/components/webhooks/webhook-list";
import { requireAdminPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Webhooks · Hookline" };

export default async function WebhooksPage() {
  await requireAdminPage("/settings/webhooks");
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="When something happens in your site, Hookline sends a signed HTTP POST to the URLs you subscribe, retries failures and tracks each webhook's health."
        actions={<NewWebhookLink />}
      />
      <WebhookList />
    </>
  );
}

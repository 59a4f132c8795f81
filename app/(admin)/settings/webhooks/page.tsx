import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Webhooks · Hookline" };

export default async function WebhooksPage() {
  await requireAdminPage("/settings/webhooks");
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="When something happens in your site, Hookline sends a signed HTTP POST to the URLs you subscribe, retries failures and tracks each webhook's health."
      />
      <EmptyState icon={<WebhookIcon width={24} height={24} />} title="No webhooks yet">
        A webhook points a URL at the events and projects you choose. New webhooks start disabled; enabling one first tests its URL.
      </EmptyState>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";
import { requireAdminPage } from "@/lib/api/current-user";
import { env } from "@/lib/env";
import { ZWebhookId } from "@/lib/validation/webhook";

export const metadata: Metadata = { title: "Webhook · Hookline" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/${encodeURIComponent(id)}`, { kind: "webhook", id });
  if (!ZWebhookId.safeParse({ id }).success) notFound();
  return (
    <>
      <SubPageHeader
        backHref="/settings/webhooks"
        backLabel="Webhooks"
        title="Webhook"
        description="Its settings, health over time, and every delivery it received."
      />
      <WebhookDetail id={id} retentionDays={env().HOOKLINE_RETENTION_DAYS} />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { requireAdminPage } from "@/lib/api/current-user";
import { ZWebhookId } from "@/lib/validation/webhook";

export const metadata: Metadata = { title: "Edit webhook · Hookline" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/${encodeURIComponent(id)}/edit`, { kind: "webhook", id });
  if (!ZWebhookId.safeParse({ id }).success) notFound();
  return (
    <>
      <SubPageHeader
        backHref="/settings/webhooks"
        backLabel="Webhooks"
        title="Edit webhook"
        description="Changes apply to the next delivery. Test the URL before saving to check it answers."
      />
      <EditWebhook id={id} />
    </>
  );
}

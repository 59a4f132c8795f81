import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { requireAdminPage } from "@/lib/auth/current-user";
import { ZWebhookId } from "@/lib/validation/webhook";

export const metadata: Metadata = { title: "Edit webhook · Hookline" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/${encodeURIComponent(id)}/edit`);
  if (!ZWebhookId.safeParse({ id }).success) notFound();
  return (
    <>
      <Link href="/settings/webhooks" className="text-sm text-brand-700 hover:underline">
        ← Webhooks
      </Link>
      <div className="mt-2">
        <PageHeader title="Edit webhook" description="Changes apply to the next delivery. Test the URL before saving to check it answers." />
      </div>
      <EditWebhook id={id} />
    </>
  );
}

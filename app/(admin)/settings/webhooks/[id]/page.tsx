import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";
import { requireAdminPage } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { ZWebhookId } from "@/lib/validation/webhook";

export const metadata: Metadata = { title: "Webhook · Hookline" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/${encodeURIComponent(id)}`);
  if (!ZWebhookId.safeParse({ id }).success) notFound();
  return (
    <>
      <Link href="/settings/webhooks" className="text-sm text-brand-700 hover:underline">
        ← Webhooks
      </Link>
      <div className="mt-2">
        <PageHeader title="Webhook" description="Its settings, health over time, and every delivery it received." />
      </div>
      <WebhookDetail id={id} retentionDays={env().HOOKLINE_RETENTION_DAYS} />
    </>
  );
}

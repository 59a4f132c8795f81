import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { requireAdminPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New webhook · Hookline" };

export default async function NewWebhookPage() {
  await requireAdminPage("/settings/webhooks/new");
  return (
    <>
      <Link href="/settings/webhooks" className="text-sm text-brand-700 hover:underline">
        ← Webhooks
      </Link>
      <div className="mt-2">
        <PageHeader
          title="Create webhook"
          description="Point a URL at the events and projects it should receive. It starts disabled; test the URL, then enable it from the list."
        />
      </div>
      <WebhookForm />
    </>
  );
}

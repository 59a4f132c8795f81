import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryDetail } from "@/components/deliveries/delivery-detail";
import { ErrorAlert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/current-user";
import { ZDeliveryId } from "@/lib/validation/delivery";

export const metadata: Metadata = { title: "Delivery · Hookline" };

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/deliveries/${encodeURIComponent(id)}`);
  return (
    <>
      <Link href="/settings/webhooks/deliveries" className="text-sm text-brand-700 hover:underline">
        ← Deliveries
      </Link>
      <div className="mt-2">
        <PageHeader title="Delivery" description="What was sent, every attempt and what came back." />
      </div>
      {ZDeliveryId.safeParse({ id }).success ? <DeliveryDetail id={id} /> : <ErrorAlert>“{id}” is not a delivery UUID.</ErrorAlert>}
    </>
  );
}

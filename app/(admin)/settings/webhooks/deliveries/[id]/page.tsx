import type { Metadata } from "next";
import { DeliveryDetail } from "@/components/deliveries/delivery-detail";
import { ErrorAlert } from "@/components/ui/alert";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { requireAdminPage } from "@/lib/api/current-user";
import { ZDeliveryId } from "@/lib/validation/delivery";

export const metadata: Metadata = { title: "Delivery · Hookline" };

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/deliveries/${encodeURIComponent(id)}`, { kind: "delivery", id });
  return (
    <>
      <SubPageHeader
        backHref="/settings/webhooks/deliveries"
        backLabel="Deliveries"
        title="Delivery"
        description="What was sent, every attempt and what came back."
      />
      {ZDeliveryId.safeParse({ id }).success ? <DeliveryDetail id={id} /> : <ErrorAlert>“{id}” is not a delivery UUID.</ErrorAlert>}
    </>
  );
}

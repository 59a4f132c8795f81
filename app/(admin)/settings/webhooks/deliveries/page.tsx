import type { Metadata } from "next";
import { Suspense } from "react";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { DeliverySearch } from "@/components/deliveries/delivery-search";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Deliveries · Hookline" };

export default async function DeliveriesPage() {
  await requireAdminPage("/settings/webhooks/deliveries");
  return (
    <>
      <PageHeader
        title="Deliveries"
        description={`Every delivery of every webhook, newest first. Find one by the Delivery UUID a receiver logged. History is kept for ${env().HOOKLINE_RETENTION_DAYS} days.`}
      />
      <div className="mb-4">
        <DeliverySearch />
      </div>
      <Suspense>
        <DeliveryLog />
      </Suspense>
    </>
  );
}

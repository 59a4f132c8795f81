import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "API keys · Hookline" };

export default async function ApiKeysPage() {
  await requireAdminPage("/settings/api-keys");
  return (
    <>
      <PageHeader title="API keys" description="Bearer keys let your host product publish events and manage webhooks through the admin API at /api/v1." />
      <EmptyState icon={<KeyIcon width={24} height={24} />} title="No API keys yet">
        A key is shown once when it is created and stored only as a hash. Keep it in your host product's secret store.
      </EmptyState>
    </>
  );
}

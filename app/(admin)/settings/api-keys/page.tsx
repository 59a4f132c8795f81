import type { Metadata } from "next";
import Link from "next/link";
import { AdminApiKeyCard } from "@/components/api-keys/admin-api-key-card";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";
import { adminApiKeyInfo } from "@/lib/server/admin-api-key/admin-api-key";

export const metadata: Metadata = { title: "API keys · Hookline" };

export default async function ApiKeysPage() {
  const { ctx, user } = await requireAdminPage("/settings/api-keys");
  // Whether the administrative key exists and since when; the key itself only on Reveal.
  const adminKey = await adminApiKeyInfo(ctx);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Bearer keys let your host product publish events and manage webhooks through the admin API at /api/v1 (see{" "}
            <Link href="/settings/api-docs" className="text-brand-700 underline">
              API reference
            </Link>
            ).
          </>
        }
      />
      <div className="space-y-8">
        <ApiKeysPanel canGrantOperator={user.isOperator} />
        <AdminApiKeyCard initialCreatedAt={adminKey.createdAt} />
      </div>
    </>
  );
}

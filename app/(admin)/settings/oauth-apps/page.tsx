import type { Metadata } from "next";
import Link from "next/link";
import { OAuthAppsPanel } from "@/components/oauth/oauth-apps-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "OAuth apps · Hookline" };

export default async function OAuthAppsPage() {
  await requireAdminPage("/settings/oauth-apps");
  return (
    <>
      <PageHeader
        title="OAuth apps"
        description={
          <>
            Applications get OAuth 2.0 access tokens for the admin API: by an admin&apos;s consent, or as themselves with client credentials. Tokens last 24
            hours; discovery at <code className="font-mono">/.well-known/oauth-authorization-server</code> (see the{" "}
            <Link href="/settings/api-docs" className="text-brand-700 underline">
              API reference
            </Link>
            ).
          </>
        }
      />
      <OAuthAppsPanel />
    </>
  );
}

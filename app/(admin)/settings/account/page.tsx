import type { Metadata } from "next";
import { AccountPanel } from "@/components/account/account-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedInPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Account · Hookline" };

export default async function AccountPage() {
  const { user } = await requireSignedInPage("/settings/account");
  return (
    <>
      <PageHeader title="Account" description="Your own password and sessions." />
      <AccountPanel email={user.email} />
    </>
  );
}

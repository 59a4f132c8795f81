import type { Metadata } from "next";
import { AccountPanel } from "@/components/account/account-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedInPage } from "@/lib/api/current-user";
import { getDb } from "@/lib/db";
import { accountSettings } from "@/lib/server/users/account";

export const metadata: Metadata = { title: "Account · Hookline" };

export default async function AccountPage() {
  const { user } = await requireSignedInPage("/settings/account");
  const account = await accountSettings(await getDb(), user.id);
  return (
    <>
      <PageHeader title="Account" description="Your own password, email and sessions." />
      <AccountPanel account={account} />
    </>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspacesPanel } from "@/components/workspaces/workspaces-panel";
import { requireOperatorPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Workspaces · Hookline" };

export default async function WorkspacesPage() {
  await requireOperatorPage("/settings/workspaces");
  return (
    <>
      <PageHeader title="Workspaces" description="Each workspace is one customer of your host product, with its own admins, webhooks and delivery log." />
      <WorkspacesPanel />
    </>
  );
}

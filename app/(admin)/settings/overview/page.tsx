import type { Metadata } from "next";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Overview · Hookline" };

export default async function OverviewPage() {
  await requireAdminPage("/settings/overview");
  return (
    <>
      <PageHeader
        title="Overview"
        description="How this workspace's deliveries are going, what needs attention, and which delivery processes are running. Updates by itself."
      />
      <OverviewPanel />
    </>
  );
}

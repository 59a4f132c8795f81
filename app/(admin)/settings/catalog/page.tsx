import type { Metadata } from "next";
import { EventTypesPanel } from "@/components/catalog/event-types-panel";
import { ProjectsPanel } from "@/components/catalog/projects-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Event types and projects · Hookline" };

export default async function CatalogPage() {
  await requireAdminPage("/settings/catalog");
  return (
    <>
      <PageHeader
        title="Event types and projects"
        description="What webhooks can subscribe to: the events your host publishes, and the projects a webhook can be limited to."
      />
      <div className="space-y-10">
        <ProjectsPanel />
        <EventTypesPanel />
      </div>
    </>
  );
}

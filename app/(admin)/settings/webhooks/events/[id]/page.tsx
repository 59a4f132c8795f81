import type { Metadata } from "next";
import { EventDetail } from "@/components/events/event-detail";
import { ErrorAlert } from "@/components/ui/alert";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { requireAdminPage } from "@/lib/api/current-user";
import { ZEventId } from "@/lib/validation/event";

export const metadata: Metadata = { title: "Event · Hookline" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/settings/webhooks/events/${encodeURIComponent(id)}`, { kind: "event", id });
  return (
    <>
      <SubPageHeader
        backHref="/settings/webhooks/deliveries"
        backLabel="Deliveries"
        title="Event"
        description="What the host published, and every delivery it made."
      />
      {ZEventId.safeParse({ id }).success ? <EventDetail id={id} /> : <ErrorAlert>“{id}” is not an event id (a UUID).</ErrorAlert>}
    </>
  );
}

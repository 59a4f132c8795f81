"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BuildingsIcon } from "@/components/ui/icons";
import { useWorkspaces } from "@/lib/queries/use-workspaces";
import { WorkspaceCard } from "./workspace-card";
import { WorkspaceForm } from "./workspace-form";

/** Settings → Workspaces: the create form, then every workspace, oldest (Default) first. */
export function WorkspacesPanel() {
  const workspaces = useWorkspaces();
  const rows = workspaces.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div className="space-y-6">
      <WorkspaceForm />
      {workspaces.isPending ? (
        <p role="status" className="text-sm text-gray-600">
          Loading workspaces…
        </p>
      ) : null}
      {workspaces.error ? <ErrorAlert>Could not load workspaces: {workspaces.error.message}</ErrorAlert> : null}
      {workspaces.data && rows.length === 0 ? (
        <EmptyState icon={<BuildingsIcon width={24} height={24} />} title="No workspaces yet">
          Create one for each customer of your host product; each gets its own admins, webhooks and delivery log.
        </EmptyState>
      ) : null}
      {rows.length ? (
        <ul className="space-y-4" aria-label="Workspaces">
          {rows.map((w) => (
            <WorkspaceCard key={w.id} workspace={w} />
          ))}
        </ul>
      ) : null}
      {workspaces.hasNextPage ? (
        <div className="flex flex-col gap-3 text-sm text-gray-600 sm:flex-row sm:items-center sm:justify-between">
          <span>Showing the oldest {rows.length} workspaces.</span>
          <Button variant="secondary" disabled={workspaces.isFetchingNextPage} onClick={() => void workspaces.fetchNextPage()}>
            {workspaces.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DEFAULT_WORKSPACE_ID, type TWorkspace } from "@/lib/validation/workspace";
import { DeleteWorkspaceDialog } from "./delete-workspace-dialog";
import { WorkspaceHealth } from "./workspace-health";
import { WorkspaceLimits } from "./workspace-limits";
import { WorkspaceMembers } from "./workspace-members";

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

/**
 * One workspace: who it is (name, slug, id to hand to the host product), its delivery limits, its
 * members (read only when expanded: a long list should not ask for every workspace's members) and
 * Delete, never offered for Default (the server refuses it: single-site data lives there).
 */
export function WorkspaceCard({ workspace: w }: { workspace: TWorkspace }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const membersId = useId();
  const titleId = useId();
  const isDefault = w.id === DEFAULT_WORKSPACE_ID;

  return (
    <li className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-labelledby={titleId} data-testid="workspace">
      <div className="flex flex-col gap-3 p-5 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          {/* The badge beside the heading, not in it: the heading (and the card's name) is the workspace's name. */}
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={titleId} className="text-base font-semibold break-words text-gray-900">
              {w.name}
            </h2>
            {isDefault ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Default</span> : null}
          </div>
          <p className="text-xs text-gray-600">
            Slug <code className="font-mono break-all text-gray-900">{w.slug}</code> · created {dateText(w.createdAt)}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
            id <code className="font-mono break-all text-gray-900">{w.id}</code>
            <CopyButton value={w.id} label="Copy id" />
          </p>
          {w.health ? <WorkspaceHealth health={w.health} /> : null}
        </div>
        {isDefault ? null : (
          <Button variant="ghost" className="self-start text-red-700 hover:bg-red-50" onClick={() => setIsDeleting(true)}>
            Delete <span className="sr-only">{w.name}</span>
          </Button>
        )}
      </div>
      <WorkspaceLimits workspace={w} />
      <div className="border-t border-gray-100 px-5 py-3">
        <button
          type="button"
          aria-expanded={isExpanded}
          aria-controls={membersId}
          onClick={() => setIsExpanded((x) => !x)}
          className="inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-gray-900 hover:text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${isExpanded ? "rotate-90" : ""}`}>
            ›
          </span>
          Members
        </button>
      </div>
      <div id={membersId} hidden={!isExpanded}>
        {isExpanded ? <WorkspaceMembers workspace={w} /> : null}
      </div>
      {isDefault ? null : <DeleteWorkspaceDialog workspace={w} isOpen={isDeleting} onClose={() => setIsDeleting(false)} />}
    </li>
  );
}

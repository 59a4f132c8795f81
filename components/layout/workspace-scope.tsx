"use client";

import { setRenderedWorkspace } from "@/lib/client/api-client";

/**
 * Tells the API client which workspace this page was rendered for, before any of the page's queries
 * run (children render after this, and their queries start in effects). Renders nothing.
 */
export function WorkspaceScope({ id }: { id: string | null }) {
  setRenderedWorkspace(id);
  return null;
}

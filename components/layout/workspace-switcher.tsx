"use client";

import { useId, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/client/api-client";
import type { TWorkspaceChoice } from "@/lib/validation/workspace";

/**
 * The header's workspace menu, for a user of several workspaces: switching sets the session's
 * current workspace and reloads on its webhooks (every cached query belonged to the old one).
 */
export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: TWorkspaceChoice[]; currentId: string | null }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [isSwitching, setIsSwitching] = useState(false);

  async function onChange(next: string) {
    setError(null);
    setIsSwitching(true);
    try {
      await apiFetch("/session/workspace", { method: "POST", body: { workspace: next } });
      window.location.assign("/settings");
    } catch (e) {
      setIsSwitching(false);
      setError(e instanceof ApiClientError ? e.message : "Could not switch workspace");
    }
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Workspace
      </label>
      <select
        id={id}
        value={currentId ?? ""}
        disabled={isSwitching}
        onChange={(e) => void onChange(e.target.value)}
        className="w-[7.5rem] truncate rounded-md sm:w-auto sm:max-w-[16rem] border border-gray-300 bg-white py-1 pr-7 pl-2 text-sm text-gray-900 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
            {w.role === "ADMIN" ? "" : " (member)"}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

import type { TWorkspaceHealth } from "@/lib/validation/workspace";

const n = (x: number) => x.toLocaleString();

/** A workspace at a glance, for the operator: its webhooks, its last 24 hours, its due backlog. */
export function WorkspaceHealth({ health: h }: { health: TWorkspaceHealth }) {
  return (
    <p className="text-xs text-gray-600" data-testid="workspace-health">
      Webhooks: {n(h.webhooks.working)} working ·{" "}
      <span className={h.webhooks.failing > 0 ? "font-medium text-amber-700" : undefined}>{n(h.webhooks.failing)} failing</span> · {n(h.webhooks.disabled)}{" "}
      disabled · 24 h: {n(h.succeeded)} succeeded, <span className={h.failed > 0 ? "font-medium text-red-700" : undefined}>{n(h.failed)} failed</span> ·{" "}
      {n(h.due)} due
    </p>
  );
}

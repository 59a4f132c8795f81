import type { TProject } from "@/lib/validation/project";
import { ALL_EVENTS } from "@/lib/validation/webhook";

export function eventsSummary(events: string[]): string {
  if (events.includes(ALL_EVENTS)) return "All events";
  const [first, second, ...rest] = events;
  return [first, second].filter(Boolean).join(", ") + (rest.length ? ` +${rest.length} more` : "");
}

export function projectsSummary(ids: string[], projects: TProject[] | undefined): string {
  if (ids.length === 0) return "All projects";
  const names = ids.map((id) => projects?.find((p) => p.id === id)?.name ?? id);
  return names.length > 2 ? `${names.slice(0, 2).join(", ")} +${names.length - 2} more` : names.join(", ");
}

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return "Never";
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

// What the live stream (GET /api/v1/live) says changed in a workspace. A page re-reads the queries of
// each topic it hears; the stream carries no data itself, so a page only ever shows what the API
// answers, under the same credentials. Loads nothing: the browser imports it too.

export const LIVE_TOPICS = ["deliveries", "webhooks"] as const;
export type TLiveTopic = (typeof LIVE_TOPICS)[number];

/** One message of the stream: `data: {"topics":["deliveries"]}`. */
export type TLiveMessage = { topics: TLiveTopic[] };

const isTopic = (value: unknown): value is TLiveTopic => LIVE_TOPICS.includes(value as TLiveTopic);

/** A message's data as the browser receives it; null for anything else (never throws). */
export function parseLiveMessage(data: string): TLiveMessage | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (!parsed || typeof parsed !== "object" || !Array.isArray((parsed as TLiveMessage).topics)) return null;
    const topics = (parsed as TLiveMessage).topics.filter(isTopic);
    return topics.length > 0 ? { topics } : null;
  } catch {
    return null;
  }
}

/**
 * Changes as one NOTIFY payload line per workspace, "<workspace id> deliveries,webhooks", and back.
 * Lines that do not parse are skipped: the channel is Hookline's, but a payload is only a hint.
 */
export function encodeChanges(changes: Map<string, Set<TLiveTopic>>): string[] {
  return [...changes].map(([workspaceId, topics]) => `${workspaceId} ${[...topics].join(",")}`);
}

export function decodeChanges(payload: string): Map<string, Set<TLiveTopic>> {
  const changes = new Map<string, Set<TLiveTopic>>();
  for (const line of payload.split("\n")) {
    const [workspaceId, list] = line.split(" ");
    const topics = (list ?? "").split(",").filter(isTopic);
    if (!workspaceId || topics.length === 0) continue;
    const known = changes.get(workspaceId) ?? new Set<TLiveTopic>();
    for (const t of topics) known.add(t);
    changes.set(workspaceId, known);
  }
  return changes;
}

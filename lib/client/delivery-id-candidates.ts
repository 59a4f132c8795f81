// A receiver's log line may hold several UUIDs (the event id from the body, a request id, ...).
// The delivery's is the one after a "Delivery" or "webhook-id" label when there is one; otherwise
// each UUID is a candidate, in the order they appear.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const LABELLED = /(?:delivery(?:[-_ ]?id)?|webhook[-_]id)["']?\s*[:=]\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** The UUIDs in `text` that may be a Delivery id, most likely first, each once, lower-case. */
export function deliveryIdCandidates(text: string): string[] {
  const labelled = [...text.matchAll(LABELLED)].flatMap((m) => (m[1] ? [m[1].toLowerCase()] : []));
  const all = [...text.matchAll(UUID)].map((m) => m[0].toLowerCase());
  return [...new Set([...labelled, ...all])];
}

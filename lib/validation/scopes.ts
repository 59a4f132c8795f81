import { z } from "zod";

// What a credential (API key, OAuth token) may do. A host product that only publishes events gets
// `events:publish` and cannot touch webhooks; `administrative` is everything (keys made before scopes
// existed have it, and it is the scope Worksection's OAuth clients ask for).
// `operator` is the installation's, not a workspace's: it manages workspaces and publishes into any
// of them. Only an operator, signed in, can give it to an API key; administrative does not include it.
export const SCOPES = ["events:publish", "webhooks:read", "webhooks:write", "deliveries:read", "deliveries:write", "administrative", "operator"] as const;
export type TScope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<TScope, string> = {
  "events:publish": "Publish events (and register event types and projects)",
  "webhooks:read": "Read webhooks, their stats and queues, the event catalog and projects",
  "webhooks:write": "Create, change, test, enable, disable and delete webhooks; reveal and rotate signing tokens",
  "deliveries:read": "Read deliveries, events and debug signatures",
  "deliveries:write": "Redeliver deliveries and replay a webhook's failures",
  administrative: "Everything the admin API does in this workspace",
  operator: "Create and manage workspaces, mint their sign-in links, and publish events into any of them",
};

/** Scopes a workspace's own credentials (OAuth applications among them) may hold: all but operator. */
export const WORKSPACE_SCOPES = SCOPES.filter((s): s is Exclude<TScope, "operator"> => s !== "operator");

// Writing a resource includes reading it, as GitHub's and Stripe's write scopes do.
const IMPLIED: Partial<Record<TScope, TScope[]>> = {
  "webhooks:write": ["webhooks:read"],
  "deliveries:write": ["deliveries:read"],
  operator: ["events:publish"],
};

/** Whether credentials holding `held` may run an operation that needs any one of `needed`. */
export function grantsAny(held: readonly TScope[], needed: readonly TScope[]): boolean {
  if (held.includes("administrative") && needed.some((s) => s !== "operator")) return true;
  const effective = new Set(held.flatMap((s) => [s, ...(IMPLIED[s] ?? [])]));
  return needed.some((s) => effective.has(s));
}

/** Every scope that alone would let a credential run an operation needing any of `needed` (catalog order). */
export function scopesGranting(needed: readonly TScope[]): TScope[] {
  return SCOPES.filter((s) => grantsAny([s], needed));
}

/** Stored scopes, keeping only ones this version knows, in catalog order (a downgrade never widens a credential). */
export function knownScopes(stored: readonly string[]): TScope[] {
  return SCOPES.filter((s) => stored.includes(s));
}

/**
 * Scopes asked of a client allowed `allowed`: each must be granted by them (a write scope covers
 * asking for its read, administrative covers any); none asked = all it may have (RFC 6749 §3.3).
 * Null when any is unknown or not allowed.
 */
export function requestedScopes(allowed: readonly TScope[], asked: string | undefined): TScope[] | null {
  if (!asked?.trim()) return [...allowed];
  const parsed = parseScopeString(asked);
  return parsed && parsed.length > 0 && parsed.every((s) => grantsAny(allowed, [s])) ? parsed : null;
}

export const ZScope = z.enum(SCOPES, { error: `Unknown scope; one of: ${SCOPES.join(", ")}` });

/** A chosen set of scopes: at least one, no repeats (kept in the catalog's order). */
export const ZScopes = z
  .array(ZScope, { error: "Pick the scopes as a list" })
  .min(1, { error: "Pick at least one scope" })
  .max(SCOPES.length)
  .transform(knownScopes);

/** Space-separated, as OAuth 2.0 writes scopes (RFC 6749 §3.3). */
export function parseScopeString(value: string): TScope[] | null {
  const parts = value.split(" ").filter(Boolean);
  if (parts.some((p) => !(SCOPES as readonly string[]).includes(p))) return null;
  return knownScopes(parts);
}

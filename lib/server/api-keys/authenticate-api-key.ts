import "server-only";
import { API_KEY_PREFIX, hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import type { TWorkspaceRef } from "../../db/workspace-context";
import { knownScopes, type TScope } from "../../validation/scopes";

// lastUsedAt is a hint for admins, not an audit log: write it at most once a minute per key.
const TOUCH_EVERY_MS = 60_000;

type TFound = { id: string; workspace: TWorkspaceRef; scopes: string[]; revokedAt: Date | null; lastUsedAt: Date | null } | null;
type TDb = Awaited<ReturnType<typeof getDb>>;

// Single flight: requests that arrive with the same key while its lookup is under way share that
// lookup instead of each sending their own (a host publishing from 16 connections sends one query,
// not 16). Nothing is cached: the next request after the answer looks again, so a revocation
// holds from the first lookup that starts after it commits. Per database (tests open many).
const lookups = new WeakMap<TDb, Map<string, Promise<TFound>>>();

function lookUp(db: TDb, hash: string): Promise<TFound> {
  let pending = lookups.get(db);
  if (!pending) {
    pending = new Map();
    lookups.set(db, pending);
  }
  const shared = pending.get(hash);
  if (shared) return shared;
  const map = pending;
  const lookup = db.apiKey
    .findUnique({
      where: { hash },
      select: { id: true, workspace: { select: { id: true, slug: true, name: true } }, scopes: true, revokedAt: true, lastUsedAt: true },
    })
    .finally(() => map.delete(hash));
  map.set(hash, lookup);
  return lookup;
}

/** The key's id, workspace and scopes when `key` is a live (not revoked) admin-API key, else null. */
export async function authenticateApiKey(key: string, now = new Date()): Promise<{ id: string; workspace: TWorkspaceRef; scopes: TScope[] } | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const db = await getDb();
  const found = await lookUp(db, hashApiKey(key));
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    found.lastUsedAt = now; // requests sharing this lookup see it touched and do not write again
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { id: found.id, workspace: found.workspace, scopes: knownScopes(found.scopes) };
}

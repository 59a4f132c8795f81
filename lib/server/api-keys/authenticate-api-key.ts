import "server-only";
import { API_KEY_PREFIX, hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";

// lastUsedAt is a hint for admins, not an audit log: write it at most once a minute per key.
const TOUCH_EVERY_MS = 60_000;

/** The key's id when `key` is a live (not revoked) admin-API key, else null. */
export async function authenticateApiKey(key: string, now = new Date()): Promise<{ id: string } | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const db = await getDb();
  const found = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, select: { id: true, revokedAt: true, lastUsedAt: true } });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { id: found.id };
}

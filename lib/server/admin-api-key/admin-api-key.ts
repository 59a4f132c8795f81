import "server-only";
import { generateAdminApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import { openSecret, sealSecret } from "../../delivery/webhook-secrets";
import { DomainError } from "../../errors/domain-error";
import type { TAdminApiKey, TAdminApiKeyInfo } from "../../validation/admin-api-key";

// One key per installation, one row with a fixed id. None exists until an admin makes one
// (Regenerate, which says "Create" then): an unused credential that nobody asked for is only risk,
// and until then every /api/admin/v2 call is refused like a wrong hash.
const ID = "installation";

export async function adminApiKeyInfo(): Promise<TAdminApiKeyInfo> {
  const row = await (await getDb()).adminApiKey.findUnique({ where: { id: ID }, select: { createdAt: true } });
  return { createdAt: row?.createdAt.toISOString() ?? null };
}

/** The key in plaintext, for verifying a call's hash; null when none has been made. */
export async function readAdminApiKey(): Promise<string | null> {
  const row = await (await getDb()).adminApiKey.findUnique({ where: { id: ID }, select: { keyCiphertext: true } });
  return row ? openSecret(row.keyCiphertext) : null;
}

export async function revealAdminApiKey(): Promise<TAdminApiKey> {
  const row = await (await getDb()).adminApiKey.findUnique({ where: { id: ID } });
  if (!row) throw DomainError.notFound("Administrative API key (none has been made yet)");
  return { key: openSecret(row.keyCiphertext), createdAt: row.createdAt.toISOString() };
}

/** Makes the key, or replaces it: the old one fails from the next call on (each call reads the row). */
export async function regenerateAdminApiKey(now = new Date()): Promise<TAdminApiKey> {
  const key = generateAdminApiKey();
  const data = { keyCiphertext: sealSecret(key), createdAt: now };
  const row = await (await getDb()).adminApiKey.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: data });
  return { key, createdAt: row.createdAt.toISOString() };
}

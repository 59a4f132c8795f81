import "server-only";
import { randomBytes } from "node:crypto";
import { isHashMatch, worksectionHash } from "../../crypto/worksection-hash";
import { getDb } from "../../db";
import type { TWorkspaceRef } from "../../db/workspace-context";
import { openSecret } from "../../delivery/webhook-secrets";

// Before any key exists a hash is still computed (with a key nobody has), so a call takes as long
// and is refused the same way whether or not any workspace has made its key.
const NOBODYS_KEY = randomBytes(16).toString("hex");

/**
 * The workspace whose administrative API key signed the call: `hash` = md5(signed + that key), as a
 * Worksection account's key signs calls to that account. A call names no account (Worksection's
 * URL is the account's own domain), so every workspace's key is tried, each compared in constant
 * time; only workspaces that made a key have one. Null when none matches.
 */
export async function workspaceOfAdminHash(signed: string, hash: string | null): Promise<TWorkspaceRef | null> {
  const rows = await (await getDb()).adminApiKey.findMany({
    select: { keyCiphertext: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  let found: TWorkspaceRef | null = null;
  for (const row of rows) if (isHashMatch(hash, worksectionHash(signed, openSecret(row.keyCiphertext))) && !found) found = row.workspace;
  if (rows.length === 0) isHashMatch(hash, worksectionHash(signed, NOBODYS_KEY));
  return found;
}

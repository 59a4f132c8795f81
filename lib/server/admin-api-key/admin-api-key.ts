import "server-only";
import { generateAdminApiKey } from "../../crypto/tokens";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { openSecret, sealSecret } from "../../delivery/webhook-secrets";
import { DomainError } from "../../errors/domain-error";
import type { TAdminApiKey, TAdminApiKeyInfo } from "../../validation/admin-api-key";

// One key per workspace (a Worksection account has one), its row keyed by the workspace. None
// exists until an admin makes one (Regenerate, which says "Create" then): an unused credential that
// nobody asked for is only risk, and until then every /api/admin/v2 call is refused like a wrong hash.

export async function adminApiKeyInfo(ctx: TWorkspaceContext): Promise<TAdminApiKeyInfo> {
  const row = await ctx.db.adminApiKey.findUnique({ where: { workspaceId: ctx.workspace.id }, select: { createdAt: true } });
  return { createdAt: row?.createdAt.toISOString() ?? null };
}

/** The key in plaintext, for verifying a call's hash; null when none has been made. */
export async function readAdminApiKey(ctx: TWorkspaceContext): Promise<string | null> {
  const row = await ctx.db.adminApiKey.findUnique({ where: { workspaceId: ctx.workspace.id }, select: { keyCiphertext: true } });
  return row ? openSecret(row.keyCiphertext) : null;
}

export async function revealAdminApiKey(ctx: TWorkspaceContext): Promise<TAdminApiKey> {
  const row = await ctx.db.adminApiKey.findUnique({ where: { workspaceId: ctx.workspace.id } });
  if (!row) throw DomainError.notFound("Administrative API key (none has been made yet)");
  return { key: openSecret(row.keyCiphertext), createdAt: row.createdAt.toISOString() };
}

/** Makes the key, or replaces it: the old one fails from the next call on (each call reads the row). */
export async function regenerateAdminApiKey(ctx: TWorkspaceContext, now = new Date()): Promise<TAdminApiKey> {
  const key = generateAdminApiKey();
  const data = { keyCiphertext: sealSecret(key), createdAt: now };
  const row = await auditedChange(ctx, (tx) => tx.adminApiKey.upsert({ where: { workspaceId: ctx.workspace.id }, create: data, update: data }), {
    action: "admin_api_key.regenerated",
    target: { type: "admin_api_key", id: null, name: "Worksection admin API key" },
    changes: { key: "changed" },
  });
  return { key, createdAt: row.createdAt.toISOString() };
}

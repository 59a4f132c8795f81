import "server-only";
import { hashApiKey, OAUTH_PREFIX } from "../../crypto/tokens";
import { getDb } from "../../db";
import type { TWorkspaceRef } from "../../db/workspace-context";
import { knownScopes, type TScope } from "../../validation/scopes";

// lastUsedAt is a hint for admins, as for API keys: written at most once a minute per token.
const TOUCH_EVERY_MS = 60_000;

export type TOAuthCaller = { tokenId: string; appId: string; workspace: TWorkspaceRef; scopes: TScope[] };

/**
 * The token's grant when `token` is a live OAuth access token: not revoked, not expired, its
 * application not revoked (its creator is still an admin), and, when an admin approved it, that
 * admin still an admin of the token's workspace (a demoted or removed user's tokens stop at once).
 */
export async function authenticateAccessToken(token: string, now = new Date()): Promise<TOAuthCaller | null> {
  if (!token.startsWith(OAUTH_PREFIX.accessToken) || token.length > 200) return null;
  const db = await getDb();
  const row = await db.oAuthToken.findUnique({
    where: { accessTokenHash: hashApiKey(token) },
    select: {
      id: true,
      appId: true,
      workspaceId: true,
      workspace: { select: { id: true, slug: true, name: true } },
      scopes: true,
      revokedAt: true,
      accessTokenExpiresAt: true,
      lastUsedAt: true,
      userId: true,
      user: { select: { memberships: { select: { workspaceId: true, role: true } } } },
      app: { select: { revokedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.app.revokedAt || row.accessTokenExpiresAt <= now) return null;
  if (row.userId && !row.user?.memberships.some((m) => m.workspaceId === row.workspaceId && m.role === "ADMIN")) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.oAuthToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, appId: row.appId, workspace: row.workspace, scopes: knownScopes(row.scopes) };
}

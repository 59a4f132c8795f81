import "server-only";
import type { TScopedTx } from "../../db/scoped-db";
import { CREATOR_NOT_ADMIN } from "../../validation/revocation";

export type TRevokedCredentials = { apiKeys: number; oauthApps: number };

/**
 * Ends what a user who is no longer an admin of a workspace made there (`tx` is that workspace's), in the transaction that took the role away (after
 * it changed the user's row, so a credential being made at that instant is seen: write-as-admin.ts).
 * Their live API keys and OAuth applications are revoked as creator_not_admin, for another admin to
 * restore. Every token of those applications ends and their codes go, whoever approved them: a
 * revoked application holds nothing, and a restore brings back its registration (client id and
 * secret), never a grant made under the old creator. The user's own consents end too (they already
 * stopped with the role), so promoting them again brings nothing back by itself.
 */
export async function revokeFormerAdminCredentials(tx: TScopedTx, userId: string, now: Date): Promise<TRevokedCredentials> {
  const revoked = { revokedAt: now, revokedFor: CREATOR_NOT_ADMIN };
  const apiKeys = await tx.apiKey.updateMany({ where: { createdById: userId, revokedAt: null }, data: revoked });
  const oauthApps = await tx.oAuthApp.updateMany({ where: { createdById: userId, revokedAt: null }, data: revoked });
  const theirs = { OR: [{ userId }, { app: { createdById: userId } }] };
  await tx.oAuthToken.updateMany({ where: { revokedAt: null, ...theirs }, data: { revokedAt: now } });
  await tx.oAuthCode.deleteMany({ where: theirs });
  return { apiKeys: apiKeys.count, oauthApps: oauthApps.count };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Revoked 2 API keys and 1 OAuth application created by x@y (an admin can restore them in Settings)", or null for none. */
export function revokedSummary(email: string, { apiKeys, oauthApps }: TRevokedCredentials): string | null {
  const parts = [
    ...(apiKeys ? [plural(apiKeys, "API key", "API keys")] : []),
    ...(oauthApps ? [plural(oauthApps, "OAuth application", "OAuth applications")] : []),
  ];
  if (parts.length === 0) return null;
  const them = apiKeys + oauthApps === 1 ? "it" : "them";
  return `Revoked ${parts.join(" and ")} created by ${email} (an admin can restore ${them} in Settings).`;
}

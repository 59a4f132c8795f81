import "server-only";
import { getDb } from "../../db";

/**
 * Ends every token of one grant: each rotation of its refresh token, and what its code started.
 * For a replayed code or refresh token (OAuth 2.0 Security BCP, RFC 9700 §2.2.2, §4.14.2): one of
 * the two parties holding it is not the client, and there is no telling which, so neither keeps it.
 */
export async function revokeGrant(grantId: string, now = new Date()): Promise<number> {
  const { count } = await (await getDb()).oAuthToken.updateMany({ where: { grantId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

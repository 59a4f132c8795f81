import "server-only";
import { getDb } from "../db";

// Session tokens are JWTs (next-auth) and cannot be recalled once issued, so each names the user's
// session version at sign-in (`sv`). Sign-out, a password change and a role change bump the
// version, and every page and API request compares: a token with an older version, or none, is
// treated as no session at all. That ends every session of that user at once, on every device.

/** A signed-in user; what they may do in a workspace is their membership's role there (lib/server/workspaces/memberships.ts). */
export type TSessionUser = { id: string; email: string; name: string | null; isOperator: boolean; sessionVersion: number };

/** The user a decoded session token names, when the token is still current; otherwise null. */
export async function sessionUser(token: { uid?: unknown; sv?: unknown } | null | undefined): Promise<TSessionUser | null> {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, isOperator: true, sessionVersion: true },
  });
  return user && user.sessionVersion === token.sv ? user : null;
}

/** Ends every session of the user (sign-out everywhere). Only a token that is still current may do it. */
export async function endSessions(userId: string, fromVersion?: number): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({
    where: { id: userId, ...(fromVersion === undefined ? {} : { sessionVersion: fromVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
}

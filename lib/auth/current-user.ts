import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "../auth";
import { sessionUser, type TSessionUser } from "./session-user";

/**
 * The signed-in user as the database has them now. The JWT only names the user and its session
 * version: a role change, a deleted account or an ended session takes effect on the next request,
 * not when the token expires.
 */
export const currentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return sessionUser({ uid: session.user.id, sv: session.user.sessionVersion });
});

/** For admin pages: anonymous → the sign-in page (coming back here after), member → 403. */
export async function requireAdminPage(returnTo: string): Promise<TSessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== "ADMIN") forbidden();
  return user;
}

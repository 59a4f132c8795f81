import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "../auth";
import { getDb } from "../db";
import type { TAuthenticatedUser } from "../server/authenticate-user";

/**
 * The signed-in user as the database has them now. The JWT only names the user: a role change or
 * a deleted account takes effect on the next request, not when the token expires.
 */
export const currentUser = cache(async (): Promise<TAuthenticatedUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  const db = await getDb();
  return db.user.findUnique({ where: { id: session.user.id }, select: { id: true, email: true, name: true, role: true } });
});

/** For admin pages: anonymous → the sign-in page (coming back here after), member → 403. */
export async function requireAdminPage(returnTo: string): Promise<TAuthenticatedUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== "ADMIN") forbidden();
  return user;
}

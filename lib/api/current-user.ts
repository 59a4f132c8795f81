import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { sessionUser, type TSessionUser } from "../auth/session-user";
import { getDb } from "../db";
import { type TWorkspaceContext, workspaceContext } from "../db/workspace-context";
import { adminWorkspaceOf, type TEntityKind } from "../server/workspaces/locate-entity";
import { sessionWorkspace, userWorkspaces } from "../server/workspaces/memberships";
import type { TWorkspaceChoice } from "../validation/workspace";
import { authOptions } from "./auth-options";
import { WORKSPACE_COOKIE } from "./workspace-cookie";

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

export type TPageSession = { user: TSessionUser; workspaces: TWorkspaceChoice[]; current: TWorkspaceChoice | null };

/** The user, the workspaces they belong to and the one this request acts in (the switcher's cookie, else their first). */
export const currentSession = cache(async (): Promise<TPageSession | null> => {
  const user = await currentUser();
  if (!user) return null;
  const prisma = await getDb();
  const [workspaces, found] = await Promise.all([
    userWorkspaces(prisma, user.id),
    sessionWorkspace(prisma, user.id, (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null),
  ]);
  return { user, workspaces, current: found ? { ...found.workspace, role: found.role } : null };
});

/** For pages: anonymous → the sign-in page (coming back here after). */
export async function requireSignedInPage(returnTo: string): Promise<TPageSession> {
  return requireSession(returnTo);
}

async function requireSession(returnTo: string): Promise<TPageSession> {
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

/**
 * For a workspace's settings pages: anonymous → the sign-in page, not an admin of the current
 * workspace → 403. Returns the context the page reads its data with. A page of one webhook,
 * delivery or event (`entity`) that belongs to another of the user's workspaces switches the session
 * there first (app/(admin)/settings/open/route.ts), so a shared link opens where it belongs.
 */
export async function requireAdminPage(returnTo: string, entity?: { kind: TEntityKind; id: string }): Promise<TPageSession & { ctx: TWorkspaceContext }> {
  const session = await requireSession(returnTo);
  if (entity && session.current?.role === "ADMIN") {
    const owner = await adminWorkspaceOf(await getDb(), session.user.id, entity.kind, entity.id);
    if (owner && owner !== session.current.id) redirect(`/settings/open?${new URLSearchParams({ kind: entity.kind, id: entity.id, next: returnTo })}`);
  }
  if (session.current?.role !== "ADMIN") forbidden();
  const { id, slug, name } = session.current;
  const ctx = workspaceContext(await getDb(), { id, slug, name }, { kind: "session", userId: session.user.id });
  return { ...session, ctx };
}

/** For the installation's pages (Settings → Workspaces): operators only. */
export async function requireOperatorPage(returnTo: string): Promise<TPageSession> {
  const session = await requireSession(returnTo);
  if (!session.user.isOperator) forbidden();
  return session;
}

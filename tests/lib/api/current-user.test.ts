import { afterEach, describe, expect, it, vi } from "vitest";

// getServerSession reads the request's cookies, which exist only inside a request: the test hands
// it the session next-auth would have decoded from them. Everything after that is real.
const sessions = vi.hoisted(() => ({ next: null as null | { user?: { id?: string; sessionVersion?: number } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => sessions.next }));
// The same for next/headers' cookies(): the workspace switcher's cookie, when the test sets one.
const browser = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (browser.cookies.has(name) ? { name, value: browser.cookies.get(name) } : undefined) }),
}));

import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { currentSession, currentUser, requireAdminPage } from "@/lib/api/current-user";
import { WORKSPACE_COOKIE } from "@/lib/api/workspace-cookie";
import { endSessions } from "@/lib/auth/session-user";
import { createUser } from "@/lib/server/users/create-user";
import { setUserOperator, setUserRole } from "@/lib/server/users/update-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const PASSWORD = "a-long-enough-password";
const thrown = async (work: () => Promise<unknown>) =>
  work().then(
    () => null,
    (e: unknown) => e,
  );

describe.each(TEST_DATABASES)("currentUser on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  afterEach(() => {
    sessions.next = null;
    browser.cookies.clear();
    vi.unstubAllEnvs();
  });

  it("is the user as the database has them now: a role change or an ended session ends the session at once", async () => {
    expect(await currentUser()).toBeNull();
    sessions.next = { user: {} };
    expect(await currentUser()).toBeNull();
    const user = await createUser({ email: "a@example.com", password: PASSWORD, role: "ADMIN" });
    await createUser({ email: "other-admin@example.com", password: PASSWORD, role: "ADMIN" });
    sessions.next = { user: { id: user.id, sessionVersion: 0 } };
    // The role is the membership's, in the workspace the session acts in (Default here).
    expect(await currentUser()).toMatchObject({ id: user.id, isOperator: false });
    expect((await currentSession())?.current).toMatchObject({ id: DEFAULT_WORKSPACE_ID, role: "ADMIN" });
    await setUserRole("a@example.com", "MEMBER");
    expect(await currentUser()).toBeNull();
    expect(await currentSession()).toBeNull();
    sessions.next = { user: { id: user.id, sessionVersion: 1 } }; // signed in again
    expect(await currentUser()).toMatchObject({ id: user.id, isOperator: false });
    expect((await currentSession())?.current).toMatchObject({ id: DEFAULT_WORKSPACE_ID, role: "MEMBER" });
    // Becoming an operator (or no longer one) ends the session too; the next one says so.
    await setUserOperator("a@example.com", true);
    expect(await currentUser()).toBeNull();
    sessions.next = { user: { id: user.id, sessionVersion: 2 } };
    expect(await currentUser()).toMatchObject({ id: user.id, isOperator: true });
    await endSessions(user.id);
    expect(await currentUser()).toBeNull();
  });

  it("requireAdminPage: nobody → the sign-in page coming back here, a member → 403, an admin → the user", async () => {
    const anonymous = await thrown(() => requireAdminPage("/settings/webhooks?status=failing"));
    expect(isRedirectError(anonymous)).toBe(true);
    expect(getURLFromRedirectError(anonymous as never)).toBe("/signin?callbackUrl=%2Fsettings%2Fwebhooks%3Fstatus%3Dfailing");

    // next.config.ts enables experimental.authInterrupts; `next build` passes it to forbidden() this way.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    const member = await createUser({ email: "m@example.com", password: PASSWORD });
    sessions.next = { user: { id: member.id, sessionVersion: 0 } };
    const forbidden = await thrown(() => requireAdminPage("/settings/webhooks"));
    expect(isHTTPAccessFallbackError(forbidden)).toBe(true);
    expect(String((forbidden as { digest?: string }).digest)).toContain("403");

    const admin = await createUser({ email: "admin@example.com", password: PASSWORD, role: "ADMIN" });
    sessions.next = { user: { id: admin.id, sessionVersion: 0 } };
    const page = await requireAdminPage("/settings/webhooks");
    expect(page).toMatchObject({ user: { id: admin.id, email: "admin@example.com" }, current: { id: DEFAULT_WORKSPACE_ID, role: "ADMIN" } });
    expect(page.ctx.workspace.id).toBe(DEFAULT_WORKSPACE_ID);
    expect(page.ctx.actor).toEqual({ kind: "session", userId: admin.id });

    // A member of Default who administers another workspace acts there: their pages are that one's.
    const acme = await db().prisma.workspace.create({ data: { slug: "acme", name: "Acme" } });
    await db().prisma.membership.create({ data: { workspaceId: acme.id, userId: member.id, role: "ADMIN" } });
    sessions.next = { user: { id: member.id, sessionVersion: 0 } };
    expect((await requireAdminPage("/settings/webhooks")).ctx.workspace).toMatchObject({ id: acme.id, slug: "acme", name: "Acme" });
    // The switcher's cookie may name Default, but they are no admin there: they stay in Acme.
    browser.cookies.set(WORKSPACE_COOKIE, DEFAULT_WORKSPACE_ID);
    expect((await requireAdminPage("/settings/webhooks")).ctx.workspace.id).toBe(acme.id);
    // An admin of both acts in the one the cookie names.
    await db().prisma.membership.create({ data: { workspaceId: acme.id, userId: admin.id, role: "ADMIN" } });
    sessions.next = { user: { id: admin.id, sessionVersion: 0 } };
    browser.cookies.set(WORKSPACE_COOKIE, acme.id);
    expect((await requireAdminPage("/settings/webhooks")).ctx.workspace.id).toBe(acme.id);
    browser.cookies.set(WORKSPACE_COOKIE, DEFAULT_WORKSPACE_ID);
    expect((await requireAdminPage("/settings/webhooks")).ctx.workspace.id).toBe(DEFAULT_WORKSPACE_ID);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

// getServerSession reads the request's cookies, which exist only inside a request: the test hands
// it the session next-auth would have decoded from them. Everything after that is real.
const sessions = vi.hoisted(() => ({ next: null as null | { user?: { id?: string; sessionVersion?: number } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => sessions.next }));

import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { currentUser, requireAdminPage } from "@/lib/auth/current-user";
import { endSessions } from "@/lib/auth/session-user";
import { createUser } from "@/lib/server/users/create-user";
import { setUserRole } from "@/lib/server/users/update-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const PASSWORD = "a-long-enough-password";
const thrown = async (work: () => Promise<unknown>) =>
  work().then(
    () => null,
    (e: unknown) => e,
  );

describe.each(TEST_DATABASES)("currentUser on $name", (backend) => {
  freshDatabasePerTest(backend);
  afterEach(() => {
    sessions.next = null;
    vi.unstubAllEnvs();
  });

  it("is the user as the database has them now: a role change or an ended session ends the session at once", async () => {
    expect(await currentUser()).toBeNull();
    sessions.next = { user: {} };
    expect(await currentUser()).toBeNull();
    const user = await createUser({ email: "a@example.com", password: PASSWORD, role: "ADMIN" });
    await createUser({ email: "other-admin@example.com", password: PASSWORD, role: "ADMIN" });
    sessions.next = { user: { id: user.id, sessionVersion: 0 } };
    expect(await currentUser()).toMatchObject({ id: user.id, role: "ADMIN" });
    await setUserRole("a@example.com", "MEMBER");
    expect(await currentUser()).toBeNull();
    sessions.next = { user: { id: user.id, sessionVersion: 1 } }; // signed in again
    expect(await currentUser()).toMatchObject({ id: user.id, role: "MEMBER" });
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
    expect(await requireAdminPage("/settings/webhooks")).toMatchObject({ id: admin.id, email: "admin@example.com" });
  });
});

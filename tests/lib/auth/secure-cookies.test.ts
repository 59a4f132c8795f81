import NextAuth, { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/api/auth-options";
import { resetEnvForTests } from "@/lib/env";
import { instanceSecrets } from "@/lib/instance-secrets";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES, type TestDatabase } from "../../helpers/databases";

// next-auth 4 names its cookies and sets their Secure flag from NEXTAUTH_URL (init.ts:
// `useSecureCookies ?? url.base.startsWith("https://")`; lib/api/auth-options.ts leaves useSecureCookies unset).
// These drive next-auth through its own entry points with our options, as a request would.

/** Enough of a Node response for next-auth's handlers; keeps the Set-Cookie lines. */
function fakeResponse() {
  const headers = new Map<string, string | string[]>();
  const res = {
    headers,
    setCookies: () => [headers.get("Set-Cookie") ?? []].flat(),
    getHeader: (key: string) => headers.get(key),
    setHeader: (key: string, value: string | string[]) => headers.set(key, value),
    status: () => res,
    send: () => res,
    json: () => res,
    end: () => res,
  };
  return res;
}

/** A session token of a real admin: the session callback checks the user and its session version. */
async function sessionToken(): Promise<string> {
  const user = await createUser({ email: `cookie-${Math.random().toString(36).slice(2)}@example.com`, password: "a-long-enough-password", role: "ADMIN" });
  return encode({ token: { sub: user.id, uid: user.id, role: "ADMIN", sv: 0 }, secret: instanceSecrets().authSecret });
}

/** The CSRF cookie set before sign-in, and the session cookie as the app reads and refreshes it. */
async function cookiesFor(siteUrl: string, sessionCookieName: string) {
  vi.stubEnv("NEXTAUTH_URL", siteUrl);
  const host = new URL(siteUrl).host;
  const csrf = fakeResponse();
  await NextAuth({ query: { nextauth: ["csrf"] }, headers: { host }, cookies: {}, method: "GET" } as never, csrf as never, authOptions());
  const session = fakeResponse();
  const user = await getServerSession({ headers: { host }, cookies: { [sessionCookieName]: await sessionToken() } } as never, session as never, authOptions());
  return { csrf: csrf.setCookies(), session: session.setCookies(), user };
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("session cookies follow NEXTAUTH_URL's scheme", () => {
  freshDatabasePerTest(TEST_DATABASES[0] as TestDatabase);

  it("https: __Host-/__Secure- names, Secure and HttpOnly; the unprefixed cookie is not read", async () => {
    const { csrf, session, user } = await cookiesFor("https://hooks.example.com", "__Secure-next-auth.session-token");
    expect(csrf.find((c) => c.startsWith("__Host-next-auth.csrf-token="))).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(user).not.toBeNull();
    const refreshed = session.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(refreshed).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    // A cookie set without Secure (e.g. by a plain-http page on the same host) does not count.
    expect((await cookiesFor("https://hooks.example.com", "next-auth.session-token")).user).toBeNull();
  });

  it("http: plain names without Secure (browsers would drop Secure cookies on http)", async () => {
    const { csrf, session, user } = await cookiesFor("http://localhost:3000", "next-auth.session-token");
    expect(user).not.toBeNull();
    for (const line of [...csrf, ...session]) {
      expect(line).toMatch(/^next-auth\./);
      expect(line).not.toMatch(/Secure/);
    }
    expect(session.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { installationContext } from "@/lib/db/workspace-context";

// next-auth calls authorize inside a request, where next/headers' cookies() is the response's cookie
// jar. Outside one it throws, so the jar is this recorder.
const jar = vi.hoisted(() => ({ set: [] as { name: string; value: string; options: Record<string, unknown> }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => jar.set.push({ name, value, options }) }),
}));

import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions, SESSION_MAX_AGE_S } from "@/lib/api/auth-options";
import { DEVICE_COOKIE, verifiedDeviceId } from "@/lib/auth/device-cookie";
import { sessionUser } from "@/lib/auth/session-user";
import { closeDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { instanceSecrets } from "@/lib/instance-secrets";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

type TAuthorize = (credentials: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }) => Promise<User | null>;
const providerAuthorize = (i: number) => (authOptions().providers[i] as unknown as { options: { authorize: TAuthorize } }).options.authorize;
const authorize = providerAuthorize(0);
const PASSWORD = "a-long-enough-password";

describe("authOptions", () => {
  it("is built once, with the instance's secret, JWT sessions of 12 hours and our sign-in page", () => {
    const options = authOptions();
    expect(authOptions()).toBe(options);
    expect(options.secret).toBe(instanceSecrets().authSecret);
    expect(options.session).toEqual({ strategy: "jwt", maxAge: SESSION_MAX_AGE_S });
    expect(SESSION_MAX_AGE_S).toBe(12 * 3600);
    expect(options.pages).toEqual({ signIn: "/signin", error: "/signin" });
  });

  it("jwt: names the user and its session version at sign-in, and keeps the token as it is after", async () => {
    const jwt = authOptions().callbacks?.jwt as (a: { token: JWT; user?: unknown }) => Promise<JWT> | JWT;
    const signedIn = await jwt({ token: { sub: "u1" }, user: { id: "u1", isOperator: true, sessionVersion: 3 } });
    // No role in the token: roles are per workspace and read from the database on every request.
    expect(signedIn).toEqual({ sub: "u1", uid: "u1", sv: 3 });
    expect(await jwt({ token: signedIn })).toEqual(signedIn);
  });
});

describe.each(TEST_DATABASES)("sign-in and sessions on $name", (backend) => {
  freshDatabasePerTest(backend);
  afterEach(() => {
    jar.set.length = 0;
  });

  it("authorize: the right password signs in and remembers this browser for that email; a wrong one is null and sets nothing", async () => {
    const user = await createUser({ email: "a@example.com", password: PASSWORD, role: "ADMIN" });
    expect(await authorize({ email: "a@example.com", password: "wrong-password-123" }, { headers: {} })).toBeNull();
    expect(jar.set).toEqual([]);
    expect(await authorize({ email: "a@example.com", password: PASSWORD }, { headers: {} })).toMatchObject({
      id: user.id,
      isOperator: false,
      sessionVersion: 0,
    });
    expect(jar.set).toHaveLength(1);
    const [cookie] = jar.set;
    expect(cookie?.name).toBe(DEVICE_COOKIE);
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(verifiedDeviceId(cookie?.value ?? null, "a@example.com", instanceSecrets().authSecret)).not.toBeNull();
  });

  it("authorize: a throttled address gets the wait in the form; a broken database gets a message without its details", async () => {
    await createUser({ email: "b@example.com", password: PASSWORD });
    const req = { headers: { "x-forwarded-for": "198.51.100.7, 10.0.0.1" } };
    let refusal: unknown;
    for (let i = 0; i < 30 && !refusal; i++) {
      await authorize({ email: "b@example.com", password: `wrong-password-${i}` }, req).catch((e) => {
        refusal = e;
      });
    }
    expect(String(refusal)).toMatch(/Too many failed sign-in attempts\. Try again in \d+ s\./);

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none?connect_timeout=1";
    resetEnvForTests();
    try {
      await expect(authorize({ email: "c@example.com", password: PASSWORD }, { headers: {} })).rejects.toThrow(
        "Sign-in is unavailable right now. Try again in a few seconds.",
      );
      expect(logged).toHaveBeenCalled();
    } finally {
      delete process.env.DATABASE_URL;
      resetEnvForTests();
      await closeDb();
      logged.mockRestore();
    }
  });

  it("session: the user as the database has them now; an ended session keeps only its expiry; signing out ends them all", async () => {
    const user = await createUser({ email: "d@example.com", password: PASSWORD, role: "ADMIN" });
    const { session: toSession } = authOptions().callbacks as unknown as {
      session: (a: { session: { expires: string; user?: object }; token: JWT }) => Promise<{ expires: string; user?: object }>;
    };
    const token: JWT = { uid: user.id, sv: 0 };
    expect(await toSession({ session: { expires: "x", user: { email: "d@example.com" } }, token })).toEqual({
      expires: "x",
      user: { email: "d@example.com", id: user.id, isOperator: false, sessionVersion: 0 },
    });
    await authOptions().events?.signOut?.({ token, session: null as never });
    expect(await sessionUser(token)).toBeNull();
    expect(await toSession({ session: { expires: "x", user: { email: "d@example.com" } }, token })).toEqual({ expires: "x" });
  });
});

describe.each(TEST_DATABASES)("signing in with a host's link on $name", (backend) => {
  freshDatabasePerTest(backend);
  afterEach(() => {
    jar.set.length = 0;
  });

  it("the sign-in-link provider signs the person in once, into the link's workspace (its cookie set), and says why a second open fails", async () => {
    const { createSignInLink } = await import("@/lib/server/workspaces/sign-in-links");
    const { getDb } = await import("@/lib/db");
    const prisma = await getDb();
    const acme = await prisma.workspace.create({ data: { slug: "acme", name: "Acme" } });
    const { url } = await createSignInLink(
      installationContext(prisma, { kind: "system", reason: "test" }),
      "acme",
      { email: "ann@acme.example", role: "ADMIN", expiresIn: 300 },
      "http://x",
    );
    const token = new URL(url).hash.slice("#token=".length);
    const linkAuthorize = providerAuthorize(1);
    const user = await linkAuthorize({ token }, { headers: {} });
    expect(user).toMatchObject({ email: "ann@acme.example", isOperator: false, sessionVersion: 0 });
    expect(jar.set).toEqual([
      expect.objectContaining({ name: "hookline-workspace", value: acme.id, options: expect.objectContaining({ httpOnly: true, sameSite: "lax" }) }),
    ]);
    await expect(linkAuthorize({ token }, { headers: {} })).rejects.toThrow("This sign-in link has been used already");
    await expect(linkAuthorize({ token: "hlsl_forged" }, { headers: {} })).rejects.toThrow("This sign-in link is not valid");
  });
});

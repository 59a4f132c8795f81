import { describe, expect, it } from "vitest";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/api-keys/route";
import { GET as listTypes } from "@/app/api/v1/event-types/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { createUser } from "@/lib/server/users/create-user";
import { setUserPassword, setUserRole } from "@/lib/server/users/update-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { call, sessionCookie } from "../helpers/routes";

describe.each(TEST_DATABASES)("session-cookie auth of the admin API on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("403 for a member's session on every resource, and nothing is written", async () => {
    const member = await createUser({ email: "m@example.com", password: "member-password-1" });
    const cookie = await sessionCookie(member.id);
    const origin = "http://localhost:3000";
    for (const handler of [listWebhooks, listTypes, listKeys]) {
      expect((await call(handler, { headers: { cookie } })).status).toBe(403);
    }
    const write = await call(createWebhook, { method: "POST", headers: { cookie, origin }, body: { url: "https://example.com", events: ["*"] } });
    expect(write).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect(await db().prisma.webhook.count()).toBe(0);
  });

  it("an admin's session reads freely, writes only from the same origin, and mints API keys", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    expect((await call(listTypes, { headers: { cookie } })).status).toBe(200);
    const crossSite = await call(createProject, { method: "POST", headers: { cookie, origin: "https://evil.example" }, body: { id: "p" } });
    expect(crossSite).toMatchObject({ status: 403, json: { error: { code: "cross_origin" } } });
    const noOrigin = await call(createProject, { method: "POST", headers: { cookie }, body: { id: "p" } });
    expect(noOrigin.status).toBe(403);
    expect(await db().prisma.project.count()).toBe(0);
    const sameSite = await call(createProject, { method: "POST", headers: { cookie, origin: "http://localhost:3000" }, body: { id: "p" } });
    expect(sameSite.status).toBe(201);
    const key = await call(createKey, { method: "POST", headers: { cookie, origin: "http://localhost:3000" }, body: { name: "ci" } });
    expect(key.status).toBe(201);
    expect(key.json.key).toMatch(/^hkl_/);
    expect(key.json.createdBy).toBe("a@example.com");
    expect((await call(listKeys, { headers: { cookie } })).json.data).toHaveLength(1);
  });

  it("a session of a deleted user, or a forged cookie, is 401", async () => {
    const admin = await createUser({ email: "gone@example.com", password: "admin-password-1", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    await db().prisma.user.delete({ where: { id: admin.id } });
    expect((await call(listTypes, { headers: { cookie } })).status).toBe(401);
    expect((await call(listTypes, { headers: { cookie: "next-auth.session-token=forged" } })).status).toBe(401);
  });

  it("sign-out, a password change and a role change end the user's other sessions", async () => {
    const admin = await createUser({ email: "s@example.com", password: "admin-password-1", role: "ADMIN" });
    await createUser({ email: "other-admin@example.com", password: "admin-password-2", role: "ADMIN" });
    const ok = async (cookie: string) => (await call(listTypes, { headers: { cookie } })).status;

    const beforeSignOut = await sessionCookie(admin.id);
    expect(await ok(beforeSignOut)).toBe(200);
    const { authOptions } = await import("@/lib/api/auth-options");
    await authOptions().events?.signOut?.({ token: { uid: admin.id, sv: 0 }, session: null as never });
    expect(await ok(beforeSignOut)).toBe(401);
    // A stale token cannot sign anyone out again (it would only annoy the owner).
    await authOptions().events?.signOut?.({ token: { uid: admin.id, sv: 0 }, session: null as never });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).sessionVersion).toBe(1);

    const beforePassword = await sessionCookie(admin.id);
    expect(await ok(beforePassword)).toBe(200);
    await setUserPassword("s@example.com", "a-brand-new-password");
    expect(await ok(beforePassword)).toBe(401);

    const beforeRole = await sessionCookie(admin.id);
    expect(await ok(beforeRole)).toBe(200);
    await setUserRole("s@example.com", "ADMIN");
    expect(await ok(beforeRole)).toBe(401);
    expect(await ok(await sessionCookie(admin.id))).toBe(200);
  });

  it("the same-origin check compares the scheme and ignores a client's X-Forwarded-Host", async () => {
    const admin = await createUser({ email: "o@example.com", password: "admin-password-1", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    const https = await call(createProject, { method: "POST", headers: { cookie, origin: "https://localhost:3000" }, body: { id: "p" } });
    expect(https).toMatchObject({ status: 403, json: { error: { code: "cross_origin" } } });
    const forged = await call(createProject, {
      method: "POST",
      headers: { cookie, origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      body: { id: "p" },
    });
    expect(forged.status).toBe(403);
    expect(await db().prisma.project.count()).toBe(0);
  });

  it("next-auth's own session answer drops the user once the session has ended", async () => {
    const admin = await createUser({ email: "ns@example.com", password: "admin-password-1", role: "ADMIN" });
    const { authOptions } = await import("@/lib/api/auth-options");
    const session = (sv: number) =>
      authOptions().callbacks?.session?.({ session: { expires: "2099-01-01T00:00:00.000Z", user: {} }, token: { uid: admin.id, sv } } as never);
    expect(await session(0)).toMatchObject({ user: { id: admin.id, isOperator: false, sessionVersion: 0 } });
    await setUserPassword("ns@example.com", "a-brand-new-password");
    expect(await session(0)).toEqual({ expires: "2099-01-01T00:00:00.000Z" });
  });

  it("a token without a session version (issued before versions existed) is no session", async () => {
    const admin = await createUser({ email: "old@example.com", password: "admin-password-1", role: "ADMIN" });
    const { encode } = await import("next-auth/jwt");
    const { instanceSecrets } = await import("@/lib/instance-secrets");
    const token = await encode({ token: { sub: admin.id, uid: admin.id }, secret: instanceSecrets().authSecret });
    expect((await call(listTypes, { headers: { cookie: `next-auth.session-token=${token}` } })).status).toBe(401);
  });
});

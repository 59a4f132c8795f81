import { describe, expect, it } from "vitest";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/api-keys/route";
import { GET as listTypes } from "@/app/api/v1/event-types/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { createUser } from "@/lib/server/create-user";
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
});

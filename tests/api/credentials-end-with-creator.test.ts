import { describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/oauth/token/route";
import { POST as restoreKey } from "@/app/api/v1/api-keys/[id]/restore/route";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/api-keys/route";
import { POST as restoreApp } from "@/app/api/v1/oauth-apps/[id]/restore/route";
import { POST as createApp, GET as listApps } from "@/app/api/v1/oauth-apps/route";
import { GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { createUser } from "@/lib/server/users/create-user";
import { setUserRole } from "@/lib/server/users/update-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { adminKey, call, sessionCookie } from "../helpers/routes";

// Issue 19 point 4 over the route handlers: what an admin made stops when they stop being an admin,
// the lists say why, and another admin's Restore takes it over and makes it work again.

const ORIGIN = "http://localhost:3000";

function clientCredentials(client: { id: string; secret: string }) {
  return token(
    new Request(`${ORIGIN}/api/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    }),
  );
}

describe.each(TEST_DATABASES)("credentials end with their creator's admin role, on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  async function setup() {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const asAda = { cookie: await sessionCookie(ada.id), origin: ORIGIN };
    const key = await call(createKey, { method: "POST", headers: asAda, body: { name: "CRM production", scopes: ["webhooks:read"] } });
    const app = await call(createApp, { method: "POST", headers: asAda, body: { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] } });
    expect([key.status, app.status]).toEqual([201, 201]);
    const client = { id: app.json.clientId as string, secret: app.json.clientSecret as string };
    const issued = await clientCredentials(client);
    const access = ((await issued.json()) as { access_token: string }).access_token;
    return { ada, bob, key: key.json as { id: string; key: string }, app: app.json as { id: string }, client, access };
  }

  it("a demoted admin's key, application and its client-credentials token stop at once; the lists say why; a new token is refused", async () => {
    const { bob, key, client, access } = await setup();
    expect((await call(listWebhooks, { key: key.key })).status).toBe(200);
    expect((await call(listWebhooks, { key: access })).status).toBe(200);

    await setUserRole("ada@example.com", "MEMBER");
    expect((await call(listWebhooks, { key: key.key })).status).toBe(401);
    expect((await call(listWebhooks, { key: access })).status).toBe(401);
    const refused = await clientCredentials(client);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });

    const asBob = { cookie: await sessionCookie(bob.id) };
    expect((await call(listKeys, { headers: asBob })).json.data).toEqual([
      expect.objectContaining({ id: key.id, revokedReason: "creator_not_admin", createdBy: "ada@example.com", revokedAt: expect.any(String) }),
    ]);
    expect((await call(listApps, { headers: asBob })).json.data).toEqual([
      expect.objectContaining({ revokedReason: "creator_not_admin", createdBy: "ada@example.com", revokedAt: expect.any(String), tokens: [] }),
    ]);
  });

  it("another admin restores them, same-origin only, and becomes their creator: the same key and client secret work again", async () => {
    const { bob, key, app, client, access } = await setup();
    await setUserRole("ada@example.com", "MEMBER");
    const asBob = { cookie: await sessionCookie(bob.id), origin: ORIGIN };

    const crossSite = await call(restoreKey, { method: "POST", params: { id: key.id }, headers: { ...asBob, origin: "https://evil.example" } });
    expect(crossSite).toMatchObject({ status: 403, json: { error: { code: "cross_origin" } } });
    expect((await call(restoreKey, { method: "POST", params: { id: key.id }, key: await adminKey() })).status).toBe(403);
    expect((await call(restoreKey, { method: "POST", params: { id: "not-a-uuid" }, headers: asBob })).status).toBe(400);
    expect((await call(listWebhooks, { key: key.key })).status).toBe(401);

    const restored = await call(restoreKey, { method: "POST", params: { id: key.id }, headers: asBob });
    expect(restored).toMatchObject({ status: 200, json: { id: key.id, revokedAt: null, revokedReason: null, createdBy: "bob@example.com" } });
    expect((await call(listWebhooks, { key: key.key })).status).toBe(200);
    expect(await call(restoreKey, { method: "POST", params: { id: key.id }, headers: asBob })).toMatchObject({
      status: 409,
      json: { error: { code: "not_revoked" } },
    });

    const restoredApp = await call(restoreApp, { method: "POST", params: { id: app.id }, headers: asBob });
    expect(restoredApp).toMatchObject({ status: 200, json: { id: app.id, revokedReason: null, createdBy: "bob@example.com" } });
    expect((await call(listWebhooks, { key: access })).status).toBe(401); // the old token stays ended
    expect((await clientCredentials(client)).status).toBe(200);
  });

  it("a key an admin revoked is not restorable: 409 naming the reason, and it stays revoked", async () => {
    const { bob, key } = await setup();
    const asBob = { cookie: await sessionCookie(bob.id), origin: ORIGIN };
    expect((await call(revokeKey, { method: "DELETE", params: { id: key.id }, headers: asBob })).json).toMatchObject({ revokedReason: "by_admin" });
    const refused = await call(restoreKey, { method: "POST", params: { id: key.id }, headers: asBob });
    expect(refused).toMatchObject({ status: 409, json: { error: { code: "not_restorable" } } });
    expect(refused.json.error.message).toContain("by_admin");
    expect((await call(listWebhooks, { key: key.key })).status).toBe(401);
    expect(await db().prisma.apiKey.count({ where: { revokedAt: null } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-authorization-server/route";
import { POST as revoke } from "@/app/api/oauth/revoke/route";
import { POST as token } from "@/app/api/oauth/token/route";
import { GET as listKeys } from "@/app/api/v1/api-keys/route";
import { POST as consent } from "@/app/api/v1/oauth-consent/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp, listOAuthApps } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { authorize, form, json, ORIGIN, pkce, REDIRECT } from "../helpers/oauth";
import { call, sessionCookie } from "../helpers/routes";

// The OAuth 2.0 server end to end over its route handlers: each grant, what its tokens may do on
// /api/v1, refresh rotation, revocation (RFC 7009), expiry, metadata (RFC 8414), and bad input.
// Client types: oauth-client-types.test.ts; replayed codes and refresh tokens: oauth-grants.test.ts.

describe.each(TEST_DATABASES)("OAuth 2.0 on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function setup(scopes: Parameters<typeof createOAuthApp>[1]["scopes"] = ["administrative"]) {
    const admin = await createUser({ email: "admin@example.com", password: "admin-password-1", role: "ADMIN" });
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [REDIRECT], scopes }, admin.id);
    const cookie = await sessionCookie(admin.id);
    return { admin, app, cookie, client: { id: app.clientId, secret: app.clientSecret } };
  }

  it("client credentials: a 24-hour token within the application's scopes, refused outside them; a wrong secret is invalid_client", async () => {
    const { client } = await setup(["webhooks:read"]);
    const issued = await json(await token(form({ grant_type: "client_credentials" }, client)));
    expect(issued.status).toBe(200);
    expect(issued.headers.get("cache-control")).toBe("no-store");
    expect(issued.body).toMatchObject({ token_type: "Bearer", scope: "webhooks:read" });
    expect(Number(issued.body?.expires_in)).toBeGreaterThan(86_400 - 60); // 24 hours, less the time since it was issued
    expect(issued.body?.refresh_token).toBeUndefined();
    const access = String(issued.body?.access_token);
    expect(access).toMatch(/^hlat_/);
    expect((await call(listWebhooks, { key: access })).status).toBe(200);
    const refused = await call(createWebhook, { method: "POST", key: access, body: { url: "https://example.com/h", events: ["post_task"] } });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    expect((await call(listKeys, { key: access })).status).toBe(403); // credentials are never managed with a token

    const wrong = await json(await token(form({ grant_type: "client_credentials" }, { id: client.id, secret: "hlcs_wrong" })));
    expect(wrong.status).toBe(401);
    expect(wrong.body?.error).toBe("invalid_client");
    const tooMuch = await json(await token(form({ grant_type: "client_credentials", scope: "webhooks:write" }, client)));
    expect(tooMuch.body?.error).toBe("invalid_scope");
    // Only hashes are stored.
    const row = await db().prisma.oAuthToken.findFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(access);
    expect(JSON.stringify(await db().prisma.oAuthApp.findFirstOrThrow())).not.toContain(client.secret);
  });

  it("authorization code with PKCE: consent, exchange once, refresh rotates, the old tokens stop", async () => {
    const { client, cookie } = await setup(["webhooks:write", "deliveries:read"]);
    const { res, verifier } = await authorize(cookie, client.id, { scope: "webhooks:read" });
    expect(res.status).toBe(200);
    const redirectTo = new URL((res.json as { redirectTo: string }).redirectTo);
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(REDIRECT);
    expect(redirectTo.searchParams.get("state")).toBe("xyz");
    const code = String(redirectTo.searchParams.get("code"));

    const wrongVerifier = await json(
      await token(form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: pkce().verifier }, client)),
    );
    expect(wrongVerifier.body?.error).toBe("invalid_grant");
    // A failed verification used the code up (no guessing the verifier online): consent again.
    const second = await authorize(cookie, client.id, { scope: "webhooks:read" });
    const code2 = String(new URL((second.res.json as { redirectTo: string }).redirectTo).searchParams.get("code"));
    const exchanged = await json(
      await token(form({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, code_verifier: second.verifier }, client)),
    );
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ token_type: "Bearer", scope: "webhooks:read" });
    expect(Number(exchanged.body?.expires_in)).toBeGreaterThan(86_400 - 60);
    const access = String(exchanged.body?.access_token);
    const refresh = String(exchanged.body?.refresh_token);
    expect(refresh).toMatch(/^hlrt_/);
    expect(verifier).not.toBe(second.verifier);

    expect((await call(listWebhooks, { key: access })).status).toBe(200);
    const apps = await listOAuthApps(ctx());
    expect(apps[0]?.tokens).toEqual([expect.objectContaining({ grantType: "authorization_code", user: "admin@example.com", scopes: ["webhooks:read"] })]);
    expect(apps[0]?.tokens[0]?.lastUsedAt).not.toBeNull();

    const refreshed = await json(await token(form({ grant_type: "refresh_token", refresh_token: refresh }, client)));
    expect(refreshed.status).toBe(200);
    const access2 = String(refreshed.body?.access_token);
    expect(access2).not.toBe(access);
    expect((await call(listWebhooks, { key: access })).status).toBe(401);
    expect((await call(listWebhooks, { key: access2 })).status).toBe(200);
    // The old refresh token is spent; presenting it again is a replay, which ends the grant (oauth-grants.test.ts).
    expect((await json(await token(form({ grant_type: "refresh_token", refresh_token: refresh }, client)))).body?.error).toBe("invalid_grant");
    // So is exchanging the code a second time.
    expect(
      (await json(await token(form({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, code_verifier: second.verifier }, client)))).body
        ?.error,
    ).toBe("invalid_grant");
  });

  it("deny sends the browser back with access_denied; unknown clients and unregistered redirect URIs are never followed; PKCE is required", async () => {
    const { client, cookie } = await setup();
    const denied = await authorize(cookie, client.id, {}, "deny");
    const to = new URL((denied.res.json as { redirectTo: string }).redirectTo);
    expect(to.searchParams.get("error")).toBe("access_denied");
    expect(to.searchParams.get("state")).toBe("xyz");
    expect(to.searchParams.get("code")).toBeNull();
    expect((await authorize(cookie, "hlc_unknown")).res).toMatchObject({ status: 400, json: { error: { code: "invalid_client" } } });
    expect((await authorize(cookie, client.id, { redirect_uri: "https://attacker.example/cb" })).res.status).toBe(400);
    const noPkce = await authorize(cookie, client.id, { code_challenge: "" });
    expect(noPkce.res.status).toBe(400);
    expect(JSON.stringify(noPkce.res.json)).toContain("code_challenge");
    // Only a signed-in admin's own page can consent: not a token, not another site.
    expect((await call(consent, { method: "POST", body: {}, headers: { cookie, origin: "https://evil.example" } })).status).toBe(403);
    expect(await db().prisma.oAuthCode.count()).toBe(0);
  });

  it("revocation (RFC 7009): the token's whole grant stops; unknown tokens still get 200; a wrong client is 401", async () => {
    const { client } = await setup();
    const access = String((await json(await token(form({ grant_type: "client_credentials" }, client)))).body?.access_token);
    const revokeReq = (params: Record<string, string>, basic?: { id: string; secret: string }) =>
      new Request(`${ORIGIN}/api/oauth/revoke`, { method: "POST", headers: form({}, basic).headers, body: new URLSearchParams(params).toString() });
    expect((await revoke(revokeReq({ token: access }, { id: client.id, secret: "hlcs_wrong" }))).status).toBe(401);
    expect((await call(listWebhooks, { key: access })).status).toBe(200);
    expect((await revoke(revokeReq({ token: access, client_id: client.id, client_secret: client.secret }))).status).toBe(200);
    expect((await call(listWebhooks, { key: access })).status).toBe(401);
    expect((await revoke(revokeReq({ token: "hlat_never-issued" }, client))).status).toBe(200);
    expect((await listOAuthApps(ctx()))[0]?.tokens).toEqual([]);
  });

  it("an expired token, or one whose approving admin is no longer an admin, is refused with 401", async () => {
    const { client, cookie, admin } = await setup();
    const access = String((await json(await token(form({ grant_type: "client_credentials" }, client)))).body?.access_token);
    await db().prisma.oAuthToken.updateMany({ data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect((await call(listWebhooks, { key: access })).status).toBe(401);

    const { res, verifier } = await authorize(cookie, client.id);
    const code = String(new URL((res.json as { redirectTo: string }).redirectTo).searchParams.get("code"));
    const byAdmin = String(
      (await json(await token(form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier }, client)))).body?.access_token,
    );
    expect((await call(listWebhooks, { key: byAdmin })).status).toBe(200);
    // By hand (not setUserRole, which would revoke the application): the token's own check must refuse it.
    await db().prisma.membership.update({ where: { workspaceId_userId: { workspaceId: DEFAULT_WORKSPACE_ID, userId: admin.id } }, data: { role: "MEMBER" } });
    expect((await call(listWebhooks, { key: byAdmin })).status).toBe(401);
  });

  it("bad requests get OAuth errors, never a 500: JSON instead of a form, repeated or oversized parameters, unknown grants", async () => {
    const { client } = await setup();
    const asJson = new Request(`${ORIGIN}/api/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await json(await token(asJson))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const repeated = new Request(`${ORIGIN}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&grant_type=password",
    });
    expect(await json(await token(repeated))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const huge = form({ grant_type: "client_credentials", scope: "x".repeat(100_000) }, client);
    expect((await json(await token(huge))).status).toBe(413);
    expect((await json(await token(form({ grant_type: "password", username: "a", password: "b" }, client)))).body?.error).toMatch(
      /unauthorized_client|unsupported_grant_type/,
    );
    expect(
      (await json(await token(form({ grant_type: "authorization_code", code: "nope", redirect_uri: REDIRECT, code_verifier: pkce().verifier }, client)))).body
        ?.error,
    ).toBe("invalid_grant");
    expect(await db().prisma.oAuthToken.count()).toBe(0);
  });

  it("publishes RFC 8414 metadata naming its endpoints, grants, PKCE method and scopes", async () => {
    const doc = await json(await metadata(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`)));
    expect(doc.body).toMatchObject({
      token_endpoint: expect.stringMatching(/\/api\/oauth\/token$/),
      revocation_endpoint: expect.stringMatching(/\/api\/oauth\/revoke$/),
      authorization_endpoint: expect.stringMatching(/\/oauth\/authorize$/),
      code_challenge_methods_supported: ["S256"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    });
    expect(doc.body?.scopes_supported).toContain("administrative");
  });
});

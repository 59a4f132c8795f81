import { describe, expect, it } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-authorization-server/route";
import { POST as revoke } from "@/app/api/oauth/revoke/route";
import { POST as token } from "@/app/api/oauth/token/route";
import { POST as registerApp } from "@/app/api/v1/oauth-apps/route";
import { GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { authorize, form, json, ORIGIN, REDIRECT } from "../helpers/oauth";
import { call, sessionCookie } from "../helpers/routes";

// Confidential and public clients (RFC 6749 §2.1, §3.2.1): a confidential client proves itself with
// its secret at the token and revocation endpoints on every grant; a public one has no secret,
// loopback or own-scheme redirect URIs and PKCE; the discovery document lists what is accepted.

describe.each(TEST_DATABASES)("OAuth client types on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function admin() {
    const user = await createUser({ email: "admin@example.com", password: "admin-password-1", role: "ADMIN" });
    return { user, cookie: await sessionCookie(user.id) };
  }

  it("a confidential client without its secret gets nothing: not a code exchanged with PKCE, a refresh, client credentials or a revocation", async () => {
    const { user, cookie } = await admin();
    const app = await createOAuthApp(ctx(), { name: "Server app", redirectUris: [REDIRECT], scopes: ["webhooks:read"] }, user.id);
    const secret = { id: app.clientId, secret: app.clientSecret };
    const { code, verifier } = await authorize(cookie, app.clientId);
    const exchange = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier };

    // Someone who read the code at the redirect URI, and the verifier with it, is not the client.
    const bare = await json(await token(form({ ...exchange, client_id: app.clientId })));
    expect([bare.status, bare.body?.error]).toEqual([400, "invalid_client"]);
    expect(await db().prisma.oAuthToken.count()).toBe(0);
    // The refusal came before the code was looked at: the client itself can still exchange it.
    const issued = await json(await token(form(exchange, secret)));
    expect(issued.status).toBe(200);
    const refresh = String(issued.body?.refresh_token);
    const access = String(issued.body?.access_token);

    expect((await json(await token(form({ grant_type: "refresh_token", refresh_token: refresh, client_id: app.clientId })))).body?.error).toBe(
      "invalid_client",
    );
    expect((await json(await token(form({ grant_type: "client_credentials", client_id: app.clientId })))).body?.error).toBe("invalid_client");
    const revokeBare = await revoke(form({ token: access, client_id: app.clientId }, undefined, "/api/oauth/revoke"));
    expect(revokeBare.status).toBe(401);
    expect((await call(listWebhooks, { key: access })).status).toBe(200);
    // With the secret, by HTTP Basic or in the body, each works.
    const refreshed = await json(
      await token(form({ grant_type: "refresh_token", refresh_token: refresh, client_id: app.clientId, client_secret: app.clientSecret })),
    );
    expect(refreshed.status).toBe(200);
    expect((await revoke(form({ token: String(refreshed.body?.access_token) }, secret, "/api/oauth/revoke"))).status).toBe(200);
    expect((await call(listWebhooks, { key: String(refreshed.body?.access_token) })).status).toBe(401);
  });

  it("a request authenticating two ways at once (Basic and a body secret) is invalid_request", async () => {
    const app = await createOAuthApp(ctx(), { name: "Server app", redirectUris: [], scopes: ["webhooks:read"] }, null);
    const both = form({ grant_type: "client_credentials", client_secret: app.clientSecret }, { id: app.clientId, secret: app.clientSecret });
    expect(await json(await token(both))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const revokeBoth = form({ token: "hlat_x", client_secret: app.clientSecret }, { id: app.clientId, secret: app.clientSecret }, "/api/oauth/revoke");
    expect((await revoke(revokeBoth)).status).toBe(400);
    expect(await db().prisma.oAuthToken.count()).toBe(0);
  });

  it("a public client: registered without a secret and only with loopback or own-scheme redirect URIs; PKCE and its client_id get, refresh and revoke tokens", async () => {
    const { cookie } = await admin();
    const register = (body: Record<string, unknown>) => call(registerApp, { method: "POST", body, headers: { cookie, origin: ORIGIN } });
    const web = await register({ name: "CLI", clientType: "public", redirectUris: ["https://cli.example.com/cb"], scopes: ["webhooks:read"] });
    expect(web.status).toBe(400);
    expect(JSON.stringify(web.json)).toContain("redirectUris");
    expect((await register({ name: "CLI", clientType: "public", redirectUris: [], scopes: ["webhooks:read"] })).status).toBe(400);
    expect((await register({ name: "CLI", clientType: "native", redirectUris: [REDIRECT], scopes: ["webhooks:read"] })).status).toBe(400);
    expect(await db().prisma.oAuthApp.count()).toBe(0);

    const created = await register({ name: "CLI", clientType: "public", redirectUris: [REDIRECT, "com.example.cli:/callback"], scopes: ["webhooks:read"] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ clientType: "public", clientSecret: null });
    const clientId = String(created.json.clientId);
    expect((await db().prisma.oAuthApp.findUniqueOrThrow({ where: { clientId } })).secretHash).toBeNull();

    const { code, verifier } = await authorize(cookie, clientId);
    const exchange = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: clientId };
    // PKCE is what stands in for a secret: without the verifier the code is spent for nothing.
    expect((await json(await token(form(exchange)))).body?.error).toBe("invalid_grant");
    const second = await authorize(cookie, clientId);
    const issued = await json(await token(form({ ...exchange, code: second.code, code_verifier: second.verifier })));
    expect(issued.status).toBe(200);
    expect(verifier).not.toBe(second.verifier);
    const refreshed = await json(await token(form({ grant_type: "refresh_token", refresh_token: String(issued.body?.refresh_token), client_id: clientId })));
    expect(refreshed.status).toBe(200);
    const access = String(refreshed.body?.access_token);
    expect((await call(listWebhooks, { key: access })).status).toBe(200);

    // A secret sent for a client that has none is not a public client speaking.
    const withSecret = await json(
      await token(form({ grant_type: "refresh_token", refresh_token: String(refreshed.body?.refresh_token), client_id: clientId, client_secret: "hlcs_x" })),
    );
    expect(withSecret.body?.error).toBe("invalid_client");
    // Without a secret, "client credentials" would be the public client_id alone.
    expect((await json(await token(form({ grant_type: "client_credentials", client_id: clientId })))).body?.error).toBe("unauthorized_client");
    expect((await revoke(form({ token: access, client_id: clientId }, undefined, "/api/oauth/revoke"))).status).toBe(200);
    expect((await call(listWebhooks, { key: access })).status).toBe(401);
  });

  it("the discovery document lists the client authentication methods accepted, none (public clients) before any is registered too", async () => {
    const methods = async () => {
      const doc = (await json(await metadata(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`)))).body;
      return [doc?.token_endpoint_auth_methods_supported, doc?.revocation_endpoint_auth_methods_supported];
    };
    const all = ["client_secret_basic", "client_secret_post", "none"];
    expect(await methods()).toEqual([all, all]);
    await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: [REDIRECT], scopes: ["webhooks:read"] }, null);
    expect(await methods()).toEqual([all, all]);
  });
});

import { describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/oauth/token/route";
import { GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { authorize, form, json, REDIRECT } from "../helpers/oauth";
import { call, sessionCookie } from "../helpers/routes";

// Grant hygiene (OAuth 2.0 Security BCP, RFC 9700 §2.2.2, §4.14.2): a code or refresh token used a
// second time ends every token of its grant; a refresh asking for more than was granted is refused
// without touching the pair the client holds.

describe.each(TEST_DATABASES)("OAuth grants on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  /** A grant by the authorization code flow: its first access and refresh token, and the code that started it. */
  async function grant(scope = "webhooks:read") {
    const admin = await createUser({ email: "admin@example.com", password: "admin-password-1", role: "ADMIN" });
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [REDIRECT], scopes: ["webhooks:write"] }, admin.id);
    const client = { id: app.clientId, secret: app.clientSecret };
    const { code, verifier } = await authorize(await sessionCookie(admin.id), app.clientId, { scope });
    const exchange = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier };
    const issued = await json(await token(form(exchange, client)));
    expect(issued.status).toBe(200);
    return { client, exchange, access: String(issued.body?.access_token), refresh: String(issued.body?.refresh_token) };
  }
  const refreshWith = async (client: { id: string; secret: string }, refresh: string, scope?: string) =>
    json(await token(form({ grant_type: "refresh_token", refresh_token: refresh, ...(scope ? { scope } : {}) }, client)));
  const status = async (access: string) => (await call(listWebhooks, { key: access })).status;

  it("a replayed refresh token ends the whole grant: the pair issued in its place stops too", async () => {
    const { client, access, refresh } = await grant();
    const rotated = await refreshWith(client, refresh);
    expect(rotated.status).toBe(200);
    const access2 = String(rotated.body?.access_token);
    const refresh2 = String(rotated.body?.refresh_token);
    expect([await status(access), await status(access2)]).toEqual([401, 200]);
    // The rotated row is kept, marked, in the same grant as its successor.
    const rows = await db().prisma.oAuthToken.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.grantId).toBe(rows[1]?.grantId);
    expect(rows[0]?.rotatedAt).not.toBeNull();

    // Whoever presents the old one again, the client or a thief, shows it was copied.
    expect((await refreshWith(client, refresh)).body?.error).toBe("invalid_grant");
    expect(await status(access2)).toBe(401);
    expect((await refreshWith(client, refresh2)).body?.error).toBe("invalid_grant");
    expect(await db().prisma.oAuthToken.count({ where: { revokedAt: null } })).toBe(0);
  });

  it("an authorization code exchanged a second time ends the grant it started", async () => {
    const { client, exchange, access, refresh } = await grant();
    const rotated = await refreshWith(client, refresh);
    const access2 = String(rotated.body?.access_token);
    expect(await status(access2)).toBe(200);
    expect((await db().prisma.oAuthCode.findFirstOrThrow()).usedAt).not.toBeNull();

    expect((await json(await token(form(exchange, client)))).body?.error).toBe("invalid_grant");
    expect([await status(access), await status(access2)]).toEqual([401, 401]);
    expect((await refreshWith(client, String(rotated.body?.refresh_token))).body?.error).toBe("invalid_grant");
  });

  it("a refresh asking for more scope than was granted is invalid_scope, and the pair the client holds still works", async () => {
    const { client, access, refresh } = await grant("webhooks:read");
    // The application may have webhooks:write, but this grant never did.
    expect((await refreshWith(client, refresh, "webhooks:write")).body?.error).toBe("invalid_scope");
    expect(await status(access)).toBe(200);
    const next = await refreshWith(client, refresh);
    expect(next.status).toBe(200);
    expect(next.body?.scope).toBe("webhooks:read");
    expect(await status(String(next.body?.access_token))).toBe(200);
    // A narrower or equal scope is fine.
    expect((await refreshWith(client, String(next.body?.refresh_token), "webhooks:read")).status).toBe(200);
  });
});

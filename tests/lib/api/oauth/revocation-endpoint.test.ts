import { describe, expect, it } from "vitest";
import { revocationEndpoint } from "@/lib/api/oauth/revocation-endpoint";
import { API_ADDRESS_FREE_FAILURES } from "@/lib/auth/login-throttle";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const request = (params: Record<string, string>, authorization?: string, address?: string) =>
  new Request("http://localhost/api/oauth/revoke", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
      ...(address ? { "x-forwarded-for": address } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

describe.each(TEST_DATABASES)("revocationEndpoint on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function setup() {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: [], scopes: ["administrative"] }, null);
    const other = await createOAuthApp(ctx(), { name: "Other", redirectUris: [], scopes: ["administrative"] }, null);
    const refresh = generateOAuthCredential("refreshToken");
    const row = await db().prisma.oAuthToken.create({
      data: {
        appId: app.id,
        accessTokenHash: "a",
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        refreshTokenHash: hashApiKey(refresh),
        scopes: [],
        grantType: "client_credentials",
      },
    });
    return { app, other, refresh, row };
  }
  const revokedAt = async (id: string) => (await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id } })).revokedAt;

  it("a refresh token ends its grant; another client's revocation of it changes nothing but still answers 200", async () => {
    const { app, other, refresh, row } = await setup();
    expect((await revocationEndpoint(request({ token: refresh }, basic(other.clientId, other.clientSecret)))).status).toBe(200);
    expect(await revokedAt(row.id)).toBeNull();
    expect((await revocationEndpoint(request({ token: refresh, token_type_hint: "refresh_token" }, basic(app.clientId, app.clientSecret)))).status).toBe(200);
    expect(await revokedAt(row.id)).not.toBeNull();
  });

  it("client authentication: a wrong secret, no client, or a mangled Basic header is 401 invalid_client; no token is 400", async () => {
    const { app, refresh, row } = await setup();
    for (const auth of [basic(app.clientId, "hlcs_wrong"), "Basic %%%", `Basic ${Buffer.from("%E0%A4%A:x").toString("base64")}`, undefined]) {
      const res = await revocationEndpoint(request({ token: refresh }, auth));
      expect(res.status, String(auth)).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe("invalid_client");
    }
    expect(await revokedAt(row.id)).toBeNull();
    const noToken = await revocationEndpoint(request({}, basic(app.clientId, app.clientSecret)));
    expect(noToken.status).toBe(400);
  });

  it("a confidential client naming itself without its secret is 401; a public client revokes with its client_id alone", async () => {
    const { app, refresh, row } = await setup();
    expect((await revocationEndpoint(request({ token: refresh, client_id: app.clientId }))).status).toBe(401);
    expect(await revokedAt(row.id)).toBeNull();
    const cli = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    await db().prisma.oAuthToken.update({ where: { id: row.id }, data: { appId: cli.id } });
    expect((await revocationEndpoint(request({ token: refresh, client_id: cli.clientId, client_secret: "hlcs_guess" }))).status).toBe(401);
    expect((await revocationEndpoint(request({ token: refresh, client_id: cli.clientId }))).status).toBe(200);
    expect(await revokedAt(row.id)).not.toBeNull();
  });

  it("throttles failed client authentication from an address (429 + Retry-After); successes and other clients are not slowed", async () => {
    const { app, other, refresh, row } = await setup();
    const revoke = async (auth: string, address: string) => {
      const res = await revocationEndpoint(request({ token: "hlrt_unknown" }, auth, address));
      return {
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        error: res.status === 200 ? null : ((await res.json()) as { error: string }).error,
      };
    };
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 2; i++) expect((await revoke(basic(app.clientId, app.clientSecret), "198.51.100.1")).status).toBe(200);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect((await revoke(basic(app.clientId, "hlcs_guess"), "198.51.100.1")).error).toBe("invalid_client");
    expect(await revoke(basic(app.clientId, app.clientSecret), "198.51.100.1")).toEqual({ status: 429, retryAfter: "1", error: "slow_down" });
    expect((await revocationEndpoint(request({ token: refresh }, basic(app.clientId, app.clientSecret), "198.51.100.1"))).status).toBe(429);
    expect(await revokedAt(row.id)).toBeNull();
    expect((await revoke(basic(other.clientId, other.clientSecret), "203.0.113.9")).status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { tokenEndpoint } from "@/lib/api/oauth/token-endpoint";
import { API_ADDRESS_FREE_FAILURES, CLIENT_FREE_FAILURES } from "@/lib/auth/login-throttle";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

// The grants end to end are tests/api/oauth.test.ts; here, that the edge answers in OAuth's form.
const form = (body: string, type = "application/x-www-form-urlencoded", headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/oauth/token", { method: "POST", headers: { "content-type": type, ...headers }, body });

describe.each(TEST_DATABASES)("tokenEndpoint on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("issues a token for good client credentials, never cached; refusals are OAuth error bodies with their status", async () => {
    const app = await createOAuthApp(defaultWorkspaceContext(db().prisma), { name: "R", redirectUris: [], scopes: ["events:publish"] }, null);
    const ok = await tokenEndpoint(
      form(new URLSearchParams({ grant_type: "client_credentials", client_id: app.clientId, client_secret: app.clientSecret }).toString()),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toMatchObject({ token_type: "Bearer", scope: "events:publish" });
    const refusals: [Request, number, string][] = [
      [form("grant_type=client_credentials", "text/plain"), 400, "invalid_request"],
      // 401 with a WWW-Authenticate challenge is for credentials sent by HTTP Basic (RFC 6749 §5.2).
      [form(`grant_type=client_credentials&client_id=${app.clientId}&client_secret=hlcs_wrong`), 400, "invalid_client"],
      [form(`grant_type=client_credentials&client_id=${app.clientId}`), 400, "invalid_client"],
      [form(`grant_type=magic&client_id=${app.clientId}&client_secret=${app.clientSecret}`), 400, "unsupported_grant_type"],
    ];
    for (const [request, status, error] of refusals) {
      const res = await tokenEndpoint(request);
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([status, error]);
    }
  });

  it("throttles failed client authentication per address and per client id (429 + Retry-After); successes and other clients are not slowed", async () => {
    const ctx = defaultWorkspaceContext(db().prisma);
    const app = await createOAuthApp(ctx, { name: "A", redirectUris: [], scopes: ["events:publish"] }, null);
    const other = await createOAuthApp(ctx, { name: "B", redirectUris: [], scopes: ["events:publish"] }, null);
    const attempt = async (address: string, client: { clientId: string }, secret: string) => {
      const params = new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: secret });
      const res = await tokenEndpoint(form(params.toString(), undefined, { "x-forwarded-for": address }));
      return { status: res.status, retryAfter: res.headers.get("retry-after"), error: ((await res.json()) as { error?: string }).error };
    };
    // More successes than the free failures: none of them is counted.
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 2; i++) expect((await attempt("198.51.100.1", app, app.clientSecret)).status).toBe(200);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect((await attempt("198.51.100.1", app, "hlcs_guess")).error).toBe("invalid_client");
    // Locked: even the right secret waits, with OAuth's error body and the seconds to wait.
    expect(await attempt("198.51.100.1", app, app.clientSecret)).toEqual({ status: 429, retryAfter: "1", error: "slow_down" });
    expect(await attempt("198.51.100.1", other, other.clientSecret)).toMatchObject({ status: 429 });
    // Another client from another address is not slowed.
    expect((await attempt("203.0.113.9", other, other.clientSecret)).status).toBe(200);
    // A guesser spreading one client's guesses over addresses meets the client's own count.
    for (let i = API_ADDRESS_FREE_FAILURES; i < CLIENT_FREE_FAILURES; i++) expect((await attempt(`10.1.0.${i}`, app, "hlcs_guess")).status).toBe(400);
    expect(await attempt("10.2.0.1", app, app.clientSecret)).toMatchObject({ status: 429, error: "slow_down" });
    expect((await attempt("10.2.0.1", other, other.clientSecret)).status).toBe(200);
    // The counts name the address and the client, never what was tried.
    const keys = (await db().prisma.loginThrottle.findMany({ select: { key: true } })).map((k) => k.key);
    expect(keys.join()).not.toMatch(/hlcs_/);
    expect(keys).toEqual(expect.arrayContaining(["api-ip:198.51.100.1", `client:${app.clientId}`]));
    // 203.0.113.9 and 10.2.0.1 only succeeded: no count for them.
    expect(keys).not.toContain("api-ip:203.0.113.9");
    expect(keys).not.toContain("api-ip:10.2.0.1");
  });

  it("30 valid token requests at once from one address all succeed, and leave no throttle count", async () => {
    const app = await createOAuthApp(defaultWorkspaceContext(db().prisma), { name: "Busy", redirectUris: [], scopes: ["events:publish"] }, null);
    const params = new URLSearchParams({ grant_type: "client_credentials", client_id: app.clientId, client_secret: app.clientSecret }).toString();
    const statuses = await Promise.all(
      Array.from(
        { length: 3 * API_ADDRESS_FREE_FAILURES },
        async () => (await tokenEndpoint(form(params, undefined, { "x-forwarded-for": "198.51.100.7" }))).status,
      ),
    );
    expect(statuses).toEqual(Array(3 * API_ADDRESS_FREE_FAILURES).fill(200));
    expect(await db().prisma.loginThrottle.count()).toBe(0);
  });
});

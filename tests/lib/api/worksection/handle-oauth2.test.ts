import { describe, expect, it } from "vitest";
import { handleWorksectionOAuth } from "@/lib/api/worksection/handle-oauth2";
import { API_ADDRESS_FREE_FAILURES } from "@/lib/auth/login-throttle";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import type { TScope } from "@/lib/validation/scopes";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

// The full actions over the route are tests/api/worksection-oauth2.test.ts; here, the scope rule per action.

describe.each(TEST_DATABASES)("handleWorksectionOAuth on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  async function tokenWith(scopes: TScope[]): Promise<string> {
    const app = await createOAuthApp(defaultWorkspaceContext(db().prisma), { name: `a ${scopes.join()}`, redirectUris: [], scopes: ["administrative"] }, null);
    const access = generateOAuthCredential("accessToken");
    await db().prisma.oAuthToken.create({
      data: {
        appId: app.id,
        accessTokenHash: hashApiKey(access),
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        scopes,
        grantType: "client_credentials",
      },
    });
    return access;
  }
  const status = async (query: string, access: string) =>
    (await handleWorksectionOAuth(new Request(`http://localhost/api/oauth2?${query}`, { headers: { authorization: `Bearer ${access}` } }))).status;

  it("get_webhooks needs webhooks:read, add and delete webhooks:write, an unknown action administrative; administrative opens all", async () => {
    const read = await tokenWith(["webhooks:read"]);
    const publish = await tokenWith(["events:publish"]);
    const admin = await tokenWith(["administrative"]);
    expect(await status("action=get_webhooks", read)).toBe(200);
    expect(await status("action=get_webhooks", publish)).toBe(403);
    expect(await status("action=delete_webhook&id=00000000-0000-4000-8000-000000000000", read)).toBe(403);
    expect(await status("action=delete_webhook&id=00000000-0000-4000-8000-000000000000", admin)).toBe(404);
    expect(await status("action=get_tasks", read)).toBe(403);
    expect(await status("action=get_tasks", admin)).toBe(400);
  });

  it("throttles failed tokens per client address: 429 in Worksection's shape with Retry-After; live tokens and other addresses are not slowed", async () => {
    const read = await tokenWith(["webhooks:read"]);
    const ask = async (access: string, address: string) => {
      const res = await handleWorksectionOAuth(
        new Request("http://localhost/api/oauth2?action=get_webhooks", { headers: { authorization: `Bearer ${access}`, "x-forwarded-for": address } }),
      );
      return { status: res.status, retryAfter: res.headers.get("retry-after"), cache: res.headers.get("cache-control"), json: await res.json() };
    };
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 2; i++) expect((await ask(read, "198.51.100.1")).status).toBe(200);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect((await ask(`hlat_guess${i}`, "198.51.100.1")).json).toMatchObject({ status_code: 9 });
    expect(await ask(read, "198.51.100.1")).toMatchObject({ status: 429, retryAfter: "1", cache: "no-store", json: { status: "error", status_code: 12 } });
    expect((await ask(read, "203.0.113.9")).status).toBe(200);
    // A live token lacking the action's scope authenticated: refused 403, not counted.
    const publish = await tokenWith(["events:publish"]);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 1; i++) expect((await ask(publish, "203.0.113.9")).status).toBe(403);
    expect((await ask(read, "203.0.113.9")).status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { handleWorksectionOAuth } from "@/lib/api/worksection/handle-oauth2";
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
});

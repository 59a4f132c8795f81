import { describe, expect, it } from "vitest";
import { tokenEndpoint } from "@/lib/api/oauth/token-endpoint";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

// The grants end to end are tests/api/oauth.test.ts; here, that the edge answers in OAuth's form.
const form = (body: string, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/api/oauth/token", { method: "POST", headers: { "content-type": type }, body });

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
});

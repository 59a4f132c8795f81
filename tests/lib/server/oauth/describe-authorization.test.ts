import { describe, expect, it } from "vitest";
import { describeAuthorization } from "@/lib/server/oauth/describe-authorization";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("describeAuthorization on $name", (backend) => {
  freshDatabasePerTest(backend);

  it("names the application and the scopes it would get, or says why the request cannot go on", async () => {
    const app = await createOAuthApp({ name: "Reports", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:write", "deliveries:read"] }, null);
    const query = {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "https://a.example/cb",
      state: "s",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    };
    expect(await describeAuthorization(query)).toMatchObject({
      ok: true,
      appName: "Reports",
      scopes: ["webhooks:write", "deliveries:read"],
      redirectHost: "a.example",
    });
    expect(await describeAuthorization({ ...query, scope: "webhooks:read" })).toMatchObject({ ok: true, scopes: ["webhooks:read"] });
    const refusals: [Record<string, string | string[] | undefined>, string][] = [
      [{ ...query, client_id: "hlc_nope" }, "No application has this client_id"],
      [{ ...query, redirect_uri: "https://evil.example/cb" }, "not registered"],
      [{ ...query, scope: "administrative" }, "scopes it is not registered for"],
      [{ ...query, state: undefined }, "state is missing"],
      [{ ...query, code_challenge: undefined }, "PKCE is required"],
      [{ ...query, client_id: [app.clientId, app.clientId] }, "client_id"],
    ];
    for (const [q, message] of refusals) {
      const view = await describeAuthorization(q);
      expect(view.ok).toBe(false);
      expect((view as { message: string }).message).toContain(message);
    }
  });
});

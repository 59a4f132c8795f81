import { describe, expect, it } from "vitest";
import { describeAuthorization } from "@/lib/server/oauth/describe-authorization";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("describeAuthorization on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("names the application and the scopes it would get; explains a bad client or redirect URI; sends other errors back", async () => {
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
    // A revoked application is explained too: it gets no codes.
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    expect(await describeAuthorization(query)).toEqual({
      ok: false,
      message: "“Reports” is revoked: its creator is no longer an admin. An admin can restore it in Settings → OAuth applications.",
    });
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: null, revokedFor: null } });
    // Unknown client or redirect URI: explained on the page, never followed.
    const shown: [Record<string, string | string[] | undefined>, string][] = [
      [{ ...query, client_id: "hlc_nope" }, "No application has this client_id"],
      [{ ...query, client_id: undefined }, "client_id is missing"],
      [{ ...query, redirect_uri: "https://evil.example/cb" }, "not registered"],
      [{ ...query, redirect_uri: ["https://a.example/cb", "https://evil.example/cb"] }, "redirect_uri is missing or repeated"],
      [{ ...query, client_id: [app.clientId, app.clientId] }, "client_id is missing or repeated"],
    ];
    for (const [q, message] of shown) {
      const view = await describeAuthorization(q);
      expect(view).toEqual({ ok: false, message: expect.stringContaining(message) });
    }
    // Known client and redirect URI: the error goes back there, with the client's state.
    const sentBack: [Record<string, string | string[] | undefined>, string, string][] = [
      [{ ...query, scope: "administrative" }, "invalid_scope", "not registered for: administrative"],
      [{ ...query, state: undefined }, "invalid_request", "state is missing"],
      [{ ...query, code_challenge: undefined }, "invalid_request", "PKCE is required"],
      [{ ...query, code_challenge_method: "plain" }, "invalid_request", "S256"],
      [{ ...query, response_type: "token" }, "unsupported_response_type", "response_type must be code"],
      [{ ...query, scope: ["webhooks:read", "webhooks:write"] }, "invalid_request", "scope is repeated"],
    ];
    for (const [q, error, description] of sentBack) {
      const view = await describeAuthorization(q);
      expect(view.ok).toBe(false);
      const to = new URL((view as { redirectTo: string }).redirectTo);
      expect(`${to.origin}${to.pathname}`, error).toBe("https://a.example/cb");
      expect(to.searchParams.get("error")).toBe(error);
      expect(to.searchParams.get("error_description")).toContain(description);
      expect(to.searchParams.get("state")).toBe(q.state === undefined ? null : "s");
    }
  });

  it("a public client's own scheme: the admin is told which app they go back to", async () => {
    const app = await createOAuthApp({ name: "CLI", clientType: "public", redirectUris: ["com.example.cli:/callback"], scopes: ["webhooks:read"] }, null);
    const view = await describeAuthorization({
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "com.example.cli:/callback",
      state: "s",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    });
    expect(view).toMatchObject({ ok: true, appName: "CLI", redirectHost: "com.example.cli" });
  });
});

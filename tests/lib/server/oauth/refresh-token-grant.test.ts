import OAuth2Server from "@node-oauth/oauth2-server";
import { describe, expect, it } from "vitest";
import { ScopeCheckedRefreshTokenGrant } from "@/lib/server/oauth/refresh-token-grant";

// The steps' order, on a model that records its calls (the database side: tests/api/oauth-grants.test.ts).

function grantWith(calls: string[]) {
  const client = { id: "app", grants: ["refresh_token"] };
  const model = {
    getRefreshToken: async (refreshToken: string) => {
      calls.push("get");
      return { refreshToken, scope: ["webhooks:read"], client, user: { id: "u" } };
    },
    revokeToken: async () => {
      calls.push("rotate");
      return true;
    },
    saveToken: async (token: OAuth2Server.Token) => {
      calls.push("save");
      return { ...token, client, user: { id: "u" } };
    },
  };
  const grant = new ScopeCheckedRefreshTokenGrant({ model, accessTokenLifetime: 60, refreshTokenLifetime: 120 } as never);
  const request = (scope?: string) =>
    new OAuth2Server.Request({
      method: "POST",
      headers: {},
      query: {},
      body: { grant_type: "refresh_token", refresh_token: "hlrt_x", ...(scope ? { scope } : {}) },
    });
  return { grant, client, request };
}

describe("ScopeCheckedRefreshTokenGrant", () => {
  it("refuses a scope beyond the grant before rotating, so the client's pair stays good", async () => {
    const calls: string[] = [];
    const { grant, client, request } = grantWith(calls);
    await expect(grant.handle(request("webhooks:write"), client)).rejects.toBeInstanceOf(OAuth2Server.InvalidScopeError);
    expect(calls).toEqual(["get"]);
  });

  it("otherwise rotates and saves the new pair with the scope asked for, or the grant's", async () => {
    const calls: string[] = [];
    const { grant, client, request } = grantWith(calls);
    expect(await grant.handle(request(), client)).toMatchObject({ scope: ["webhooks:read"], refreshToken: expect.any(String) });
    expect(calls).toEqual(["get", "rotate", "save"]);
  });
});

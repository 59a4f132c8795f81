import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import { destroyOAuthApp, destroyOAuthToken, fetchOAuthApps, postConsent, postOAuthApp, postRestoreOAuthApp } from "@/lib/client/oauth-apps-api";
import { serve } from "../../helpers/fetch-stub";

afterEach(() => vi.unstubAllGlobals());

const APP = {
  id: "a1",
  clientId: "hlc_x",
  name: "Reports",
  redirectUris: [],
  scopes: ["webhooks:read"],
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: null,
  revokedAt: null,
  revokedReason: null,
  tokens: [],
};

describe("oauth-apps-api", () => {
  it("lists, registers, restores and deletes applications and revokes tokens at their /api/v1 paths", async () => {
    const calls = serve((url) =>
      url.endsWith("/oauth-apps")
        ? Response.json({ data: [APP], ...APP, clientSecret: "hlcs_s" })
        : url.endsWith("/restore")
          ? Response.json(APP)
          : new Response(null, { status: 204 }),
    );
    const signal = new AbortController().signal;
    await expect(fetchOAuthApps(signal)).resolves.toEqual([APP]);
    await expect(postOAuthApp({ name: "Reports", redirectUris: [], scopes: ["webhooks:read"] })).resolves.toMatchObject({ clientSecret: "hlcs_s" });
    await expect(postRestoreOAuthApp("a1")).resolves.toEqual(APP);
    await expect(destroyOAuthApp("a1")).resolves.toBeUndefined();
    await expect(destroyOAuthToken("t1")).resolves.toBeUndefined();
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["GET", "/api/v1/oauth-apps", undefined],
      ["POST", "/api/v1/oauth-apps", { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] }],
      ["POST", "/api/v1/oauth-apps/a1/restore", undefined],
      ["DELETE", "/api/v1/oauth-apps/a1", undefined],
      ["DELETE", "/api/v1/oauth-tokens/t1", undefined],
    ]);
    expect(calls[0]?.signal).toBe(signal);
  });

  it("sends the consent decision and returns where to go; a refusal is an ApiClientError", async () => {
    const request = {
      response_type: "code" as const,
      client_id: "hlc_x",
      redirect_uri: "https://a.example/cb",
      state: "s",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256" as const,
    };
    const calls = serve(() => Response.json({ redirectTo: "https://a.example/cb?code=x&state=s" }));
    await expect(postConsent({ ...request, decision: "approve" })).resolves.toEqual({ redirectTo: "https://a.example/cb?code=x&state=s" });
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/v1/oauth-consent", body: { ...request, decision: "approve" } });
    serve(() => Response.json({ error: { code: "invalid_client", message: "Invalid client" } }, { status: 400 }));
    const error = await postConsent({ ...request, decision: "deny" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: "invalid_client" });
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { authenticateRequest, sessionUserId } from "@/lib/api/authenticate-request";
import { resolveWorkspace } from "@/lib/api/resolve-workspace";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey, revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_SLUG } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { sessionCookie } from "../../helpers/routes";

const DEFAULT_WORKSPACE = { id: DEFAULT_WORKSPACE_ID, slug: DEFAULT_WORKSPACE_SLUG, name: "Default" };

const request = (headers: Record<string, string> = {}, method = "GET") => new Request("http://localhost:3000/api/v1/webhooks", { method, headers });

/** The ApiError authenticateRequest throws, as status, code and message. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { status, code, message } = error as ApiError;
  return { status, code, message };
}

describe.each(TEST_DATABASES)("authenticateRequest on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("accepts a live API key (any case of Bearer) as an api_key actor in the key's workspace", async () => {
    const { id, key } = await createApiKey(ctx(), { name: "ci" }, null);
    const caller = { actor: { kind: "api_key", apiKeyId: id, scopes: ["administrative"] }, workspace: DEFAULT_WORKSPACE };
    expect(await authenticateRequest(request({ authorization: `Bearer ${key}` }))).toEqual(caller);
    expect(await authenticateRequest(request({ authorization: `bearer ${key}` }), { allowApiKey: true })).toEqual(caller);
  });

  it("refuses another scheme or a missing key with 401 saying how to authenticate", async () => {
    const how = { status: 401, code: "unauthorized", message: "Use Authorization: Bearer <API key or OAuth access token>" };
    expect(await refusal(authenticateRequest(request({ authorization: "Basic dTpw" })))).toEqual(how);
    expect(await refusal(authenticateRequest(request({ authorization: "Bearer" })))).toEqual(how);
  });

  it("refuses an unknown or revoked key with 401", async () => {
    const unknown = { status: 401, code: "unauthorized", message: "Unknown, expired or revoked API key or access token" };
    expect(await refusal(authenticateRequest(request({ authorization: "Bearer hkl_not_a_real_key" })))).toEqual(unknown);
    const { id, key } = await createApiKey(ctx(), { name: "old" }, null);
    await revokeApiKey(ctx(), id);
    expect(await refusal(authenticateRequest(request({ authorization: `Bearer ${key}` })))).toEqual(unknown);
  });

  it("refuses a valid key with 403 where API keys are not allowed", async () => {
    const { key } = await createApiKey(ctx(), { name: "ci" }, null);
    expect(await refusal(authenticateRequest(request({ authorization: `Bearer ${key}` }), { allowApiKey: false }))).toEqual({
      status: 403,
      code: "forbidden",
      message: "API keys and OAuth tokens cannot manage credentials; sign in as an admin",
    });
  });

  it("takes a live OAuth access token as the token's grant, and refuses it where credentials are not allowed", async () => {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: [], scopes: ["administrative"] }, null);
    const access = generateOAuthCredential("accessToken");
    const row = await database().prisma.oAuthToken.create({
      data: {
        appId: app.id,
        accessTokenHash: hashApiKey(access),
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        scopes: ["deliveries:read"],
        grantType: "client_credentials",
      },
    });
    expect(await authenticateRequest(request({ authorization: `Bearer ${access}` }))).toEqual({
      actor: { kind: "oauth", tokenId: row.id, appId: app.id, scopes: ["deliveries:read"] },
      workspace: DEFAULT_WORKSPACE,
    });
    expect((await refusal(authenticateRequest(request({ authorization: `Bearer ${access}` }), { allowApiKey: false }))).status).toBe(403);
  });

  it("refuses a request with no credentials, a forged cookie or a malformed one with 401", async () => {
    const none = { status: 401, code: "unauthorized", message: "Sign in, or send Authorization: Bearer <API key or OAuth access token>" };
    expect(await refusal(authenticateRequest(request()))).toEqual(none);
    expect(await refusal(authenticateRequest(request({ cookie: "next-auth.session-token=forged" })))).toEqual(none);
    expect(await refusal(authenticateRequest(request({ cookie: "next-auth.session-token=%E0%A4%A; other=1" })))).toEqual(none);
  });

  it("authenticates a member's session, and resolving its workspace refuses it with 403 (withAdmin's check)", async () => {
    const member = await createUser({ email: "m@example.com", password: "member-password-1" });
    const cookie = await sessionCookie(member.id);
    const caller = await authenticateRequest(request({ cookie }));
    expect(caller).toEqual({
      actor: { kind: "session", userId: member.id },
      user: { id: member.id, email: "m@example.com", name: null, isOperator: false, sessionVersion: 0 },
    });
    expect(await refusal(resolveWorkspace(caller, request({ cookie })))).toEqual({
      status: 403,
      code: "forbidden",
      message: "Only admins of Default can use its settings and admin API",
    });
    // A user who belongs to no workspace has none to act in.
    await database().prisma.membership.deleteMany({ where: { userId: member.id } });
    expect(await refusal(resolveWorkspace(caller, request({ cookie })))).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("accepts an admin's session for reads, and for writes only from the same origin", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    const actor = {
      actor: { kind: "session", userId: admin.id },
      user: { id: admin.id, email: "a@example.com", name: null, isOperator: false, sessionVersion: 0 },
    };
    const caller = await authenticateRequest(request({ cookie }));
    expect(caller).toEqual(actor);
    expect(await authenticateRequest(request({ cookie }), { allowApiKey: false })).toEqual(actor);
    // An admin of Default acts there.
    expect((await resolveWorkspace(caller, request({ cookie }))).workspace).toEqual(DEFAULT_WORKSPACE);
    const crossSite = { status: 403, code: "cross_origin", message: "Cross-site request refused" };
    expect(await refusal(authenticateRequest(request({ cookie }, "POST")))).toEqual(crossSite);
    expect(await refusal(authenticateRequest(request({ cookie, origin: "https://evil.example" }, "DELETE")))).toEqual(crossSite);
    expect(await refusal(authenticateRequest(request({ cookie, origin: "https://localhost:3000" }, "POST")))).toEqual(crossSite);
    expect(await authenticateRequest(request({ cookie, origin: "http://localhost:3000" }, "POST"))).toEqual(actor);
  });
});

describe("sessionUserId", () => {
  it("is the signed-in admin's id, and 403 for any credential", () => {
    expect(sessionUserId({ kind: "session", userId: "u1" })).toBe("u1");
    expect(() => sessionUserId({ kind: "api_key", apiKeyId: "k", scopes: ["administrative"] })).toThrow(ApiError);
    expect(() => sessionUserId({ kind: "oauth", tokenId: "t", appId: "a", scopes: ["administrative"] })).toThrow(/signed-in admin/);
  });
});

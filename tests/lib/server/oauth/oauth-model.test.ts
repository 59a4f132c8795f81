import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp, listOAuthApps } from "@/lib/server/oauth/oauth-apps";
import { authorizeModel, oauthModel } from "@/lib/server/oauth/oauth-model";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

// The storage the protocol library runs on (the protocol itself is exercised in tests/api/oauth.test.ts).

describe.each(TEST_DATABASES)("the OAuth model on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("getClient (token endpoint): a confidential client only with its secret, a public one only without; the authorize step names either", async () => {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:write"] }, null);
    expect(await oauthModel.getClient(app.clientId, app.clientSecret)).toMatchObject({
      id: app.id,
      redirectUris: ["https://a.example/cb"],
      scopes: ["webhooks:write"],
      grants: ["authorization_code", "refresh_token", "client_credentials"],
    });
    expect(await oauthModel.getClient(app.clientId, "hlcs_wrong")).toBe(false);
    // A bare client_id (with PKCE, or on a refresh) is not this client.
    expect(await oauthModel.getClient(app.clientId, undefined as unknown as string)).toBe(false);
    expect(await oauthModel.getClient(app.clientId, null as unknown as string)).toBe(false);
    expect(await oauthModel.getClient("hlc_unknown", app.clientSecret)).toBe(false);
    expect(await oauthModel.getClient("x".repeat(500), "s")).toBe(false);
    const cli = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    expect(await oauthModel.getClient(cli.clientId, undefined as unknown as string)).toMatchObject({
      id: cli.id,
      grants: ["authorization_code", "refresh_token"],
    });
    expect(await oauthModel.getClient(cli.clientId, "hlcs_x")).toBe(false);
    // The authorization endpoint only names its client (the library asks with a null secret).
    expect(await authorizeModel.getClient(app.clientId, null as unknown as string)).toMatchObject({ id: app.id });
    expect(await authorizeModel.getClient(cli.clientId, null as unknown as string)).toMatchObject({ id: cli.id });
    expect(await authorizeModel.getClient("hlc_unknown", null as unknown as string)).toBe(false);
  });

  it("validateScope: within the application's scopes (write covers read, administrative covers all); none asked = all it may have", async () => {
    const client = { id: "c", grants: [], scopes: ["webhooks:write"] };
    const user = { id: null };
    expect(await oauthModel.validateScope?.(user, client, undefined)).toEqual(["webhooks:write"]);
    expect(await oauthModel.validateScope?.(user, client, ["webhooks:read"])).toEqual(["webhooks:read"]);
    expect(await oauthModel.validateScope?.(user, client, ["administrative"])).toBe(false);
    expect(await oauthModel.validateScope?.(user, client, ["made:up"])).toBe(false);
    expect(await oauthModel.validateScope?.(user, { ...client, scopes: ["administrative"] }, ["deliveries:write", "events:publish"])).toEqual([
      "events:publish",
      "deliveries:write",
    ]);
  });

  it("codes: stored hashed, only with PKCE, used once; kept marked used, and found again they end the grant they started", async () => {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: ["https://a.example/cb"], scopes: ["administrative"] }, null);
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const client = (await oauthModel.getClient(app.clientId, app.clientSecret)) as { id: string; grants: string[] };
    const code = { authorizationCode: "hlac_code", expiresAt: new Date(Date.now() + 60_000), redirectUri: "https://a.example/cb", scope: ["administrative"] };
    expect(await oauthModel.saveAuthorizationCode(code, client, { id: admin.id })).toBe(false);
    await oauthModel.saveAuthorizationCode({ ...code, codeChallenge: "c".repeat(43), codeChallengeMethod: "S256" }, client, { id: admin.id });
    expect(JSON.stringify(await db().prisma.oAuthCode.findFirstOrThrow())).not.toContain("hlac_code");
    const found = await oauthModel.getAuthorizationCode("hlac_code");
    const row = await db().prisma.oAuthCode.findFirstOrThrow();
    expect(found).toMatchObject({ user: { id: admin.id, grantId: row.id }, scope: ["administrative"], codeChallenge: "c".repeat(43) });
    expect(await oauthModel.revokeAuthorizationCode(found as never)).toBe(true);
    expect((await db().prisma.oAuthCode.findFirstOrThrow()).usedAt).not.toBeNull();
    // A token of the grant this code started, as saveToken writes it.
    await oauthModel.saveToken(
      { accessToken: "hlat_c", accessTokenExpiresAt: new Date(Date.now() + 60_000), scope: ["administrative"], client, user: {} },
      client,
      {
        id: admin.id,
        grantId: row.id,
      },
    );
    expect(await oauthModel.getAccessToken("hlat_c")).toMatchObject({ user: { grantId: row.id } });
    expect(await oauthModel.revokeAuthorizationCode(found as never)).toBe(false); // a simultaneous second exchange
    expect(await oauthModel.getAccessToken("hlat_c")).toBe(false);
    expect(await oauthModel.getAuthorizationCode("hlac_code")).toBe(false);
  });

  it("codes and tokens belong to their application's workspace, whichever workspace that is", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const admin = await createUser({ email: "e@example.com", password: "admin-password-1", role: "ADMIN" }, { workspaceId: otherRef.id });
    const app = await createOAuthApp(otherCtx(prisma, otherRef), { name: "R", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, admin.id);
    const client = (await oauthModel.getClient(app.clientId, app.clientSecret)) as { id: string; grants: string[] };
    expect(client).toMatchObject({ id: app.id, workspaceId: otherRef.id });
    expect(await authorizeModel.getClient(app.clientId, null as unknown as string)).toMatchObject({ workspaceId: otherRef.id });
    const expiresAt = new Date(Date.now() + 60_000);
    const code = {
      authorizationCode: "hlac_w",
      expiresAt,
      redirectUri: "https://a.example/cb",
      scope: ["webhooks:read"],
      codeChallenge: "c".repeat(43),
      codeChallengeMethod: "S256",
    };
    await oauthModel.saveAuthorizationCode(code, client, { id: admin.id });
    expect(await prisma.oAuthCode.findFirstOrThrow({ select: { workspaceId: true } })).toEqual({ workspaceId: otherRef.id });
    await oauthModel.saveToken(
      { accessToken: "hlat_w", accessTokenExpiresAt: expiresAt, refreshToken: "hlrt_w", refreshTokenExpiresAt: expiresAt, client, user: {} },
      client,
      { id: null },
    );
    expect(await prisma.oAuthToken.findFirstOrThrow({ select: { workspaceId: true } })).toEqual({ workspaceId: otherRef.id });
    // The successor of a refresh is saved with the client the refresh token names: the same workspace.
    const refresh = await oauthModel.getRefreshToken("hlrt_w");
    expect(refresh ? refresh.client : null).toMatchObject({ id: app.id, workspaceId: otherRef.id });
    // Nothing of it shows in the Default workspace.
    expect(await listOAuthApps(ctx())).toEqual([]);
  });

  it("tokens: saved hashed, each client-credentials pair a grant of its own; a refresh token rotates once, and again it ends its grant", async () => {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: [], scopes: ["administrative"] }, null);
    const client = (await oauthModel.getClient(app.clientId, app.clientSecret)) as { id: string; grants: string[] };
    const expires = new Date(Date.now() + 60_000);
    await oauthModel.saveToken(
      {
        accessToken: "hlat_a",
        accessTokenExpiresAt: expires,
        refreshToken: "hlrt_r",
        refreshTokenExpiresAt: expires,
        scope: ["webhooks:read"],
        client,
        user: {},
      },
      client,
      { id: null },
    );
    const row = await db().prisma.oAuthToken.findFirstOrThrow();
    expect(row).toMatchObject({ grantType: "client_credentials", scopes: ["webhooks:read"], userId: null, rotatedAt: null });
    expect(JSON.stringify(row)).not.toMatch(/hlat_a|hlrt_r/);
    expect(await oauthModel.getAccessToken("hlat_a")).toMatchObject({ scope: ["webhooks:read"] });
    const refresh = await oauthModel.getRefreshToken("hlrt_r");
    expect(refresh).toMatchObject({ refreshToken: "hlrt_r", user: { id: null, grantId: row.grantId } });
    expect(await oauthModel.revokeToken(refresh as never)).toBe(true);
    expect(await db().prisma.oAuthToken.findFirstOrThrow()).toMatchObject({ rotatedAt: expect.any(Date), revokedAt: expect.any(Date) });
    expect(await oauthModel.getAccessToken("hlat_a")).toBe(false);
    // The pair that replaced it joins the grant (the library hands saveToken the refresh token's user).
    await oauthModel.saveToken(
      { accessToken: "hlat_b", accessTokenExpiresAt: expires, refreshToken: "hlrt_s", refreshTokenExpiresAt: expires, client, user: {} },
      client,
      refresh ? refresh.user : {},
    );
    expect(await oauthModel.getAccessToken("hlat_b")).toMatchObject({ user: { grantId: row.grantId } });
    // Rotating the same token again, or presenting it again, is a replay: the successor ends too.
    expect(await oauthModel.revokeToken(refresh as never)).toBe(false);
    expect(await oauthModel.getAccessToken("hlat_b")).toBe(false);
    expect(await oauthModel.getRefreshToken("hlrt_r")).toBe(false);
    expect(await oauthModel.getRefreshToken("hlrt_s")).toBe(false);
    expect(await oauthModel.verifyScope?.({ accessToken: "x", client, user: {}, scope: ["webhooks:write"] }, ["webhooks:read"])).toBe(true);
    expect(await oauthModel.verifyScope?.({ accessToken: "x", client, user: {}, scope: ["webhooks:read"] }, ["webhooks:write"])).toBe(false);
  });
});

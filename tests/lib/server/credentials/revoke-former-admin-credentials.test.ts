import { describe, expect, it } from "vitest";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { scopedDb } from "@/lib/db/scoped-db";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey, listApiKeys, restoreApiKey, revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { revokedSummary, revokeFormerAdminCredentials } from "@/lib/server/credentials/revoke-former-admin-credentials";
import { authenticateAccessToken } from "@/lib/server/oauth/authenticate-access-token";
import { createOAuthApp, listOAuthApps } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const HOUR = 3_600_000;
const NOW = new Date("2026-12-01T10:00:00Z");

describe.each(TEST_DATABASES)("revokeFormerAdminCredentials on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function grant(appId: string, userId: string | null) {
    const access = generateOAuthCredential("accessToken");
    await db().prisma.oAuthToken.create({
      data: {
        appId,
        userId,
        accessTokenHash: hashApiKey(access),
        accessTokenExpiresAt: new Date(Date.now() + HOUR),
        scopes: ["webhooks:read"],
        grantType: userId ? "authorization_code" : "client_credentials",
      },
    });
    return access;
  }
  const code = (appId: string, userId: string) =>
    db().prisma.oAuthCode.create({
      data: {
        appId,
        userId,
        codeHash: `c${Math.random()}`,
        redirectUri: "https://a.example/cb",
        scopes: [],
        codeChallenge: "x",
        codeChallengeMethod: "S256",
        expiresAt: new Date(Date.now() + HOUR),
      },
    });

  it("revokes what the user made as creator_not_admin, ends every token and code of their applications and their own consents, and counts it", async () => {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const adaKey = await createApiKey(ctx(), { name: "ada 1" }, ada.id);
    await createApiKey(ctx(), { name: "ada 2" }, ada.id);
    const finalKey = await createApiKey(ctx(), { name: "ada, revoked by an admin" }, ada.id);
    await revokeApiKey(ctx(), finalKey.id, new Date("2026-11-01T00:00:00Z"));
    const bobKey = await createApiKey(ctx(), { name: "bob" }, bob.id);
    const adaApp = await createOAuthApp(ctx(), { name: "Ada's app", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, ada.id);
    const bobApp = await createOAuthApp(ctx(), { name: "Bob's app", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, bob.id);
    const machine = await grant(adaApp.id, null); // client credentials: the application itself
    const bobOnAdas = await grant(adaApp.id, bob.id); // another admin's consent to ada's application
    const adaOnBobs = await grant(bobApp.id, ada.id); // ada's own consent to bob's application
    const bobOnBobs = await grant(bobApp.id, bob.id);
    await code(adaApp.id, bob.id);
    await code(bobApp.id, ada.id);
    await code(bobApp.id, bob.id);

    const counts = await scopedDb(db().prisma, DEFAULT_WORKSPACE_ID).$transaction((tx) => revokeFormerAdminCredentials(tx, ada.id, NOW));
    expect(counts).toEqual({ apiKeys: 2, oauthApps: 1 });

    const keys = await db().prisma.apiKey.findMany({ orderBy: { name: "asc" } });
    expect(keys.map((k) => [k.name, k.revokedFor, k.revokedAt?.toISOString() ?? null])).toEqual([
      ["ada 1", "creator_not_admin", NOW.toISOString()],
      ["ada 2", "creator_not_admin", NOW.toISOString()],
      ["ada, revoked by an admin", "by_admin", "2026-11-01T00:00:00.000Z"], // an admin's revocation stays what it was
      ["bob", null, null],
    ]);
    expect(keys.find((k) => k.id === adaKey.id)?.createdById).toBe(ada.id); // still shown as hers until someone takes it over
    expect(bobKey.revokedAt).toBeNull();
    const apps = await db().prisma.oAuthApp.findMany({ orderBy: { name: "asc" } });
    expect(apps.map((a) => [a.name, a.revokedFor, a.revokedAt?.toISOString() ?? null])).toEqual([
      ["Ada's app", "creator_not_admin", NOW.toISOString()],
      ["Bob's app", null, null],
    ]);
    for (const token of [machine, bobOnAdas, adaOnBobs]) expect(await authenticateAccessToken(token)).toBeNull();
    expect(await db().prisma.oAuthToken.count({ where: { revokedAt: null } })).toBe(1);
    expect(await authenticateAccessToken(bobOnBobs)).not.toBeNull();
    expect(await db().prisma.oAuthCode.findMany({ select: { appId: true, userId: true } })).toEqual([{ appId: bobApp.id, userId: bob.id }]);
  });

  it("a user deleted by hand (there is no deletion in the app) leaves nothing working: the database revokes what they made, restorable", async () => {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const adaKey = await createApiKey(ctx(), { name: "ada" }, ada.id);
    const bobKey = await createApiKey(ctx(), { name: "bob" }, bob.id);
    const adaApp = await createOAuthApp(ctx(), { name: "Ada's app", redirectUris: [], scopes: ["webhooks:read"] }, ada.id);
    const machine = await grant(adaApp.id, null);
    const bobOnAdas = await grant(adaApp.id, bob.id);
    await code(adaApp.id, bob.id);

    await db().prisma.user.delete({ where: { id: ada.id } });
    expect(await authenticateApiKey(adaKey.key)).toBeNull();
    expect(await authenticateApiKey(bobKey.key)).not.toBeNull();
    for (const token of [machine, bobOnAdas]) expect(await authenticateAccessToken(token)).toBeNull();
    expect(await db().prisma.oAuthToken.count({ where: { revokedAt: null } })).toBe(0);
    expect(await db().prisma.oAuthCode.count()).toBe(0);
    expect((await listApiKeys(ctx())).find((k) => k.id === adaKey.id)).toMatchObject({ revokedReason: "creator_not_admin", createdBy: null });
    expect((await listOAuthApps(ctx()))[0]).toMatchObject({ revokedReason: "creator_not_admin", createdBy: null });
    // Stored as UTC like everything Prisma writes: within a minute of now, whatever the server's time zone.
    const row = await db().prisma.apiKey.findUniqueOrThrow({ where: { id: adaKey.id } });
    expect(Math.abs((row.revokedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);

    expect(await restoreApiKey(ctx(), adaKey.id, bob.id)).toMatchObject({ revokedReason: null, createdBy: "bob@example.com" });
    expect(await authenticateApiKey(adaKey.key)).not.toBeNull();
  });

  it("ends only what the user made in the transaction's workspace: their keys, applications, tokens and codes elsewhere stay", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const other = otherCtx(prisma, otherRef);
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    await prisma.membership.create({ data: { workspaceId: otherRef.id, userId: ada.id, role: "ADMIN" } });
    const here = await createApiKey(ctx(), { name: "here" }, ada.id);
    const there = await createApiKey(other, { name: "there" }, ada.id);
    const hereApp = await createOAuthApp(ctx(), { name: "Here", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, ada.id);
    const thereApp = await createOAuthApp(other, { name: "There", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, ada.id);
    const thereToken = generateOAuthCredential("accessToken");
    await prisma.oAuthToken.create({
      data: {
        appId: thereApp.id,
        workspaceId: otherRef.id,
        userId: ada.id,
        accessTokenHash: hashApiKey(thereToken),
        accessTokenExpiresAt: new Date(Date.now() + HOUR),
        scopes: ["webhooks:read"],
        grantType: "authorization_code",
      },
    });
    const hereToken = await grant(hereApp.id, ada.id);
    await prisma.oAuthCode.create({
      data: {
        appId: thereApp.id,
        workspaceId: otherRef.id,
        userId: ada.id,
        codeHash: "there",
        redirectUri: "https://a.example/cb",
        scopes: [],
        codeChallenge: "x",
        codeChallengeMethod: "S256",
        expiresAt: new Date(Date.now() + HOUR),
      },
    });

    const counts = await scopedDb(prisma, DEFAULT_WORKSPACE_ID).$transaction((tx) => revokeFormerAdminCredentials(tx, ada.id, NOW));
    expect(counts).toEqual({ apiKeys: 1, oauthApps: 1 });
    expect(await authenticateApiKey(here.key)).toBeNull();
    expect(await authenticateApiKey(there.key)).toMatchObject({ id: there.id, workspace: otherRef });
    expect(await authenticateAccessToken(hereToken)).toBeNull();
    expect(await authenticateAccessToken(thereToken)).toMatchObject({ appId: thereApp.id, workspace: otherRef });
    expect((await listOAuthApps(other)).map((a) => [a.name, a.revokedReason])).toEqual([["There", null]]);
    expect(await prisma.oAuthCode.findMany({ select: { codeHash: true } })).toEqual([{ codeHash: "there" }]);
  });

  it("summarises what it revoked for the CLI, or nothing when there was nothing", () => {
    expect(revokedSummary("x@y", { apiKeys: 2, oauthApps: 1 })).toBe(
      "Revoked 2 API keys and 1 OAuth application created by x@y (an admin can restore them in Settings).",
    );
    expect(revokedSummary("x@y", { apiKeys: 1, oauthApps: 0 })).toBe("Revoked 1 API key created by x@y (an admin can restore it in Settings).");
    expect(revokedSummary("x@y", { apiKeys: 0, oauthApps: 3 })).toBe("Revoked 3 OAuth applications created by x@y (an admin can restore them in Settings).");
    expect(revokedSummary("x@y", { apiKeys: 0, oauthApps: 0 })).toBeNull();
  });
});

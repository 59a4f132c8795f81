import { describe, expect, it } from "vitest";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { authenticateAccessToken } from "@/lib/server/oauth/authenticate-access-token";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const HOUR = 3_600_000;

describe.each(TEST_DATABASES)("authenticateAccessToken on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  async function issue(fields: { userId?: string; scopes?: string[]; accessTokenExpiresAt?: Date } = {}) {
    const app = await createOAuthApp({ name: `app ${Math.random()}`, redirectUris: [], scopes: ["administrative"] }, null);
    const access = generateOAuthCredential("accessToken");
    const row = await db().prisma.oAuthToken.create({
      data: {
        appId: app.id,
        accessTokenHash: hashApiKey(access),
        accessTokenExpiresAt: new Date(Date.now() + HOUR),
        scopes: ["webhooks:read", "old:scope"],
        grantType: fields.userId ? "authorization_code" : "client_credentials",
        ...fields,
      },
    });
    return { access, row, app };
  }

  it("a live token: its grant's known scopes; lastUsedAt touched at most once a minute", async () => {
    const { access, row, app } = await issue();
    const now = new Date();
    expect(await authenticateAccessToken(access, now)).toEqual({ tokenId: row.id, appId: app.id, scopes: ["webhooks:read"] });
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(now);
    await authenticateAccessToken(access, new Date(now.getTime() + 30_000));
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(now);
  });

  it("null for another form, an unknown, revoked or expired token, or one whose admin is no longer one", async () => {
    expect(await authenticateAccessToken("hkl_an-api-key")).toBeNull();
    expect(await authenticateAccessToken(`hlat_${"x".repeat(300)}`)).toBeNull();
    expect(await authenticateAccessToken(generateOAuthCredential("accessToken"))).toBeNull();
    const revoked = await issue();
    await db().prisma.oAuthToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    expect(await authenticateAccessToken(revoked.access)).toBeNull();
    const expired = await issue({ accessTokenExpiresAt: new Date(Date.now() - 1) });
    expect(await authenticateAccessToken(expired.access)).toBeNull();
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const approved = await issue({ userId: admin.id });
    expect(await authenticateAccessToken(approved.access)).not.toBeNull();
    await db().prisma.user.update({ where: { id: admin.id }, data: { role: "MEMBER" } });
    expect(await authenticateAccessToken(approved.access)).toBeNull();
  });

  it("null for any token of a revoked application (its creator is no longer an admin), even one not marked revoked itself", async () => {
    const { access, app } = await issue();
    expect(await authenticateAccessToken(access)).not.toBeNull();
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    expect(await authenticateAccessToken(access)).toBeNull();
  });
});

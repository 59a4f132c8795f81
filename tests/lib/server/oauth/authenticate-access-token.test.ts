import { describe, expect, it } from "vitest";
import { generateOAuthCredential, hashApiKey } from "@/lib/crypto/tokens";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { authenticateAccessToken } from "@/lib/server/oauth/authenticate-access-token";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const HOUR = 3_600_000;

describe.each(TEST_DATABASES)("authenticateAccessToken on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function issue(fields: { userId?: string; scopes?: string[]; accessTokenExpiresAt?: Date } = {}) {
    const app = await createOAuthApp(ctx(), { name: `app ${Math.random()}`, redirectUris: [], scopes: ["administrative"] }, null);
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
    expect(await authenticateAccessToken(access, now)).toEqual({
      tokenId: row.id,
      appId: app.id,
      workspace: { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" },
      scopes: ["webhooks:read"],
    });
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
    // A role changed by hand (the membership's): the token stops at once.
    await db().prisma.membership.update({ where: { workspaceId_userId: { workspaceId: DEFAULT_WORKSPACE_ID, userId: admin.id } }, data: { role: "MEMBER" } });
    expect(await authenticateAccessToken(approved.access)).toBeNull();
  });

  it("the approving user must be an admin of the token's workspace: an admin elsewhere is not enough", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const elsewhere = await createUser({ email: "e@example.com", password: "admin-password-1", role: "ADMIN" }, { workspaceId: otherRef.id });
    const { access } = await issue({ userId: elsewhere.id }); // a token of a Default application approved by an admin of the other workspace
    expect(await authenticateAccessToken(access)).toBeNull();
    // A member of Default, admin of the other workspace: still not enough.
    await prisma.membership.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, userId: elsewhere.id, role: "MEMBER" } });
    expect(await authenticateAccessToken(access)).toBeNull();
    await prisma.membership.update({ where: { workspaceId_userId: { workspaceId: DEFAULT_WORKSPACE_ID, userId: elsewhere.id } }, data: { role: "ADMIN" } });
    expect(await authenticateAccessToken(access)).toMatchObject({ workspace: { id: DEFAULT_WORKSPACE_ID } });
    // A token of the other workspace's application names that workspace.
    const theirApp = await createOAuthApp(otherCtx(prisma, otherRef), { name: "theirs", redirectUris: [], scopes: ["webhooks:read"] }, elsewhere.id);
    const theirAccess = generateOAuthCredential("accessToken");
    await prisma.oAuthToken.create({
      data: {
        appId: theirApp.id,
        workspaceId: otherRef.id,
        userId: elsewhere.id,
        accessTokenHash: hashApiKey(theirAccess),
        accessTokenExpiresAt: new Date(Date.now() + HOUR),
        scopes: ["webhooks:read"],
        grantType: "authorization_code",
      },
    });
    expect(await authenticateAccessToken(theirAccess)).toMatchObject({ appId: theirApp.id, workspace: otherRef });
  });

  it("null for any token of a revoked application (its creator is no longer an admin), even one not marked revoked itself", async () => {
    const { access, app } = await issue();
    expect(await authenticateAccessToken(access)).not.toBeNull();
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    expect(await authenticateAccessToken(access)).toBeNull();
  });
});

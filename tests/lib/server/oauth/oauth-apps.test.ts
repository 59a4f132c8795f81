import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp, deleteOAuthApp, listOAuthApps, restoreOAuthApp, revokeClientToken, revokeOAuthToken } from "@/lib/server/oauth/oauth-apps";
import { oauthModel } from "@/lib/server/oauth/oauth-model";
import { createUser } from "@/lib/server/users/create-user";
import { setUserRole } from "@/lib/server/users/update-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";
const HOUR = 3_600_000;

describe.each(TEST_DATABASES)("OAuth applications on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function token(
    appId: string,
    fields: { grantId?: string; revokedAt?: Date; accessTokenExpiresAt?: Date; refreshTokenExpiresAt?: Date | null; refreshTokenHash?: string } = {},
  ) {
    const n = Math.random().toString(36).slice(2);
    return db().prisma.oAuthToken.create({
      data: {
        appId,
        accessTokenHash: `a${n}`,
        accessTokenExpiresAt: new Date(Date.now() + HOUR),
        scopes: ["webhooks:read"],
        grantType: "client_credentials",
        ...fields,
      },
    });
  }

  it("registers an application: the secret is returned once and stored as its SHA-256 only", async () => {
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, null);
    expect(app).toMatchObject({
      name: "Reports",
      clientType: "confidential",
      redirectUris: ["https://a.example/cb"],
      scopes: ["webhooks:read"],
      tokens: [],
      createdBy: null,
      revokedAt: null,
      revokedReason: null,
    });
    expect(app.clientId).toMatch(/^hlc_/);
    expect(app.clientSecret).toMatch(/^hlcs_/);
    const row = await db().prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(app.clientSecret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(app.clientSecret);
    expect(await createOAuthApp(ctx(), { name: "", redirectUris: [], scopes: [] }, null).catch((e: unknown) => e)).toBeInstanceOf(ZodError);
    expect(await db().prisma.oAuthApp.count()).toBe(1);
  });

  it("registers a public client without a secret", async () => {
    const app = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    expect(app).toMatchObject({ clientType: "public", clientSecret: null });
    expect((await db().prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } })).secretHash).toBeNull();
    expect((await listOAuthApps(ctx()))[0]).toMatchObject({ clientType: "public" });
    await expect(
      createOAuthApp(ctx(), { name: "Web", clientType: "public", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, null),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("lists each application with its live tokens only, newest first", async () => {
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] }, null);
    const live = await token(app.id);
    const refreshable = await token(app.id, { accessTokenExpiresAt: new Date(Date.now() - HOUR), refreshTokenExpiresAt: new Date(Date.now() + HOUR) });
    await token(app.id, { revokedAt: new Date() });
    await token(app.id, { accessTokenExpiresAt: new Date(Date.now() - HOUR) });
    const [listed] = await listOAuthApps(ctx());
    expect(listed?.tokens.map((t) => t.id).sort()).toEqual([live.id, refreshable.id].sort());
    expect(listed?.tokens[0]).toMatchObject({ grantType: "client_credentials", user: null, scopes: ["webhooks:read"], lastUsedAt: null });
  });

  it("revokes a token (once is enough) and deletes an application with its tokens; unknown ids are not found", async () => {
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] }, null);
    const t = await token(app.id);
    await revokeOAuthToken(ctx(), t.id);
    const revokedAt = (await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt;
    expect(revokedAt).not.toBeNull();
    await revokeOAuthToken(ctx(), t.id, new Date(Date.now() + HOUR));
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toEqual(revokedAt);
    await expect(revokeOAuthToken(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    // Revoking one token, by an admin or by its client, ends the rest of its grant.
    const grantId = "11111111-1111-4111-8111-111111111111";
    const [a, b] = [await token(app.id, { grantId }), await token(app.id, { grantId, refreshTokenHash: createHash("sha256").update("hlrt_b").digest("hex") })];
    await revokeOAuthToken(ctx(), a.id);
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: b.id } })).revokedAt).not.toBeNull();
    const [c, d] = [
      await token(app.id, { grantId: MISSING, refreshTokenHash: createHash("sha256").update("hlrt_c").digest("hex") }),
      await token(app.id, { grantId: MISSING }),
    ];
    await revokeClientToken(app.id, "hlrt_c");
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: c.id } })).revokedAt).not.toBeNull();
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: d.id } })).revokedAt).not.toBeNull();
    await deleteOAuthApp(ctx(), app.id);
    expect(await db().prisma.oAuthToken.count()).toBe(0);
    await expect(deleteOAuthApp(ctx(), app.id)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("restores an application revoked with its creator's role: same client id and secret, the restorer as creator, its old tokens still ended", async () => {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] }, ada.id);
    const old = await token(app.id);
    await setUserRole("ada@example.com", "MEMBER");
    const [revoked] = await listOAuthApps(ctx());
    expect(revoked).toMatchObject({ revokedReason: "creator_not_admin", createdBy: "ada@example.com", tokens: [] });
    expect(revoked?.revokedAt).not.toBeNull();
    expect(await oauthModel.getClient(app.clientId, app.clientSecret)).toBe(false);
    await expect(createOAuthApp(ctx(), { name: "Again", redirectUris: [], scopes: ["webhooks:read"] }, ada.id)).rejects.toMatchObject({ code: "not_admin" });

    const restored = await restoreOAuthApp(ctx(), app.id, bob.id);
    expect(restored).toMatchObject({ id: app.id, clientId: app.clientId, revokedAt: null, revokedReason: null, createdBy: "bob@example.com", tokens: [] });
    expect(await oauthModel.getClient(app.clientId, app.clientSecret)).toMatchObject({ id: app.id });
    expect((await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).not.toBeNull();
    await expect(restoreOAuthApp(ctx(), app.id, bob.id)).rejects.toMatchObject({ kind: "conflict", code: "not_revoked" });
    await expect(restoreOAuthApp(ctx(), MISSING, bob.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(restoreOAuthApp(ctx(), app.id, ada.id)).rejects.toMatchObject({ code: "not_admin" });
  });

  it("another workspace neither lists, deletes, restores nor revokes the tokens of this one's applications", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const other = otherCtx(prisma, otherRef);
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const elsewhere = await createUser({ email: "e@example.com", password: "admin-password-3", role: "ADMIN" }, { workspaceId: otherRef.id });
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: [], scopes: ["webhooks:read"] }, ada.id);
    const t = await token(app.id);
    await expect(createOAuthApp(other, { name: "Elsewhere", redirectUris: [], scopes: ["webhooks:read"] }, ada.id)).rejects.toMatchObject({
      code: "not_admin",
    });
    expect(await listOAuthApps(other)).toEqual([]);
    await expect(revokeOAuthToken(other, t.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteOAuthApp(other, app.id)).rejects.toMatchObject({ kind: "not_found" });
    await setUserRole("ada@example.com", "MEMBER");
    await expect(restoreOAuthApp(other, app.id, elsewhere.id)).rejects.toMatchObject({ kind: "not_found" });
    const row = await prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ workspaceId: DEFAULT_WORKSPACE_ID, revokedFor: "creator_not_admin", createdById: ada.id });
    expect((await prisma.oAuthToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).not.toBeNull(); // ended by the demotion, not by the other workspace
    expect((await listOAuthApps(ctx())).map((a) => a.id)).toEqual([app.id]);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { revokeGrant } from "@/lib/server/oauth/revoke-grant";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("revokeGrant on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("ends every live token of one grant, leaves other grants and keeps earlier revocation times", async () => {
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: [], scopes: ["webhooks:read"] }, null);
    const grantId = randomUUID();
    const earlier = new Date(Date.now() - 60_000);
    const row = (hash: string, fields: { grantId?: string; revokedAt?: Date } = {}) =>
      db().prisma.oAuthToken.create({
        data: {
          appId: app.id,
          accessTokenHash: hash,
          accessTokenExpiresAt: new Date(Date.now() + 60_000),
          scopes: [],
          grantType: "authorization_code",
          ...fields,
        },
      });
    const rotated = await row("old", { grantId, revokedAt: earlier });
    const current = await row("current", { grantId });
    const elsewhere = await row("other");
    expect(await revokeGrant(grantId)).toBe(1);
    const revokedAt = async (id: string) => (await db().prisma.oAuthToken.findUniqueOrThrow({ where: { id } })).revokedAt;
    expect(await revokedAt(rotated.id)).toEqual(earlier);
    expect(await revokedAt(current.id)).not.toBeNull();
    expect(await revokedAt(elsewhere.id)).toBeNull();
    expect(await revokeGrant(grantId)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { authenticateClient } from "@/lib/server/oauth/authenticate-client";
import { createOAuthApp, rotateOAuthSecret, updateOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("editing OAuth applications on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("renames one and replaces its redirect URIs, each checked for its client type; another workspace's is not found", async () => {
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] }, null);
    expect(await updateOAuthApp(ctx(), app.id, { name: " Reporting " })).toMatchObject({ name: "Reporting", redirectUris: ["https://a.example/cb"] });
    expect(await updateOAuthApp(ctx(), app.id, { redirectUris: ["https://b.example/cb", "https://b.example/cb"] })).toMatchObject({
      name: "Reporting",
      redirectUris: ["https://b.example/cb"],
    });
    await expect(updateOAuthApp(ctx(), app.id, { redirectUris: ["http://evil.example/cb"] })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "redirectUris.0" }],
    });
    const cli = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    await expect(updateOAuthApp(ctx(), cli.id, { redirectUris: [] })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "redirectUris" }] });
    await expect(updateOAuthApp(ctx(), app.id, {})).rejects.toThrow();
    const theirs = otherCtx(db().prisma, await createOtherWorkspace(db().prisma));
    await expect(updateOAuthApp(theirs, app.id, { name: "Mine now" })).rejects.toMatchObject({ kind: "not_found" });
    expect((await db().prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } })).name).toBe("Reporting");
  });

  it("rotates a confidential client's secret: the new one works, the old one at once no more; a public client has none", async () => {
    const app = await createOAuthApp(ctx(), { name: "Sync", redirectUris: [], scopes: ["webhooks:read"] }, null);
    expect(await authenticateClient(app.clientId, app.clientSecret)).not.toBeNull();
    const rotated = await rotateOAuthSecret(ctx(), app.id);
    expect(rotated.clientSecret).not.toBe(app.clientSecret);
    expect(await authenticateClient(app.clientId, rotated.clientSecret)).not.toBeNull();
    expect(await authenticateClient(app.clientId, app.clientSecret)).toBeNull();
    expect(JSON.stringify(await db().prisma.oAuthApp.findUniqueOrThrow({ where: { id: app.id } }))).not.toContain(rotated.clientSecret);
    const cli = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    await expect(rotateOAuthSecret(ctx(), cli.id)).rejects.toMatchObject({ kind: "conflict", code: "public_client" });
  });
});

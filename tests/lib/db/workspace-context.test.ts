import { describe, expect, it } from "vitest";
import { scopedDb } from "@/lib/db/scoped-db";
import { defaultWorkspaceContext, workspaceContext } from "@/lib/db/workspace-context";
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_SLUG } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

describe.each(TEST_DATABASES)("workspace contexts on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("workspaceContext carries the actor, the workspace, the unscoped client and a client that reads only that workspace", async () => {
    const prisma = database().prisma;
    const acme = await prisma.workspace.create({ data: { slug: "acme", name: "Acme" }, select: { id: true, slug: true, name: true } });
    const mine = await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/acme", tokenCiphertext: "x", workspaceId: acme.id } });
    const theirs = await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/default", tokenCiphertext: "x" } });
    const actor = { kind: "api_key" as const, apiKeyId: "k1", scopes: ["webhooks:read" as const] };

    const ctx = workspaceContext(prisma, acme, actor);
    expect(ctx.actor).toBe(actor);
    expect(ctx.workspace).toEqual(acme);
    expect(ctx.prisma === prisma, "the unscoped client").toBe(true);
    expect(ctx.db === scopedDb(prisma, acme.id), "the workspace's scoped client").toBe(true);
    expect(await ctx.db.webhook.findMany({ select: { id: true } })).toEqual([{ id: mine.id }]);
    expect(await ctx.db.webhook.findUnique({ where: { id: theirs.id } })).toBeNull();
    // What it creates lands in its workspace; the unscoped client still sees both.
    const created = await ctx.db.webhook.create({ data: { url: "http://127.0.0.1:9/new", tokenCiphertext: "x" } });
    expect(created.workspaceId).toBe(acme.id);
    expect(await ctx.prisma.webhook.count()).toBe(3);
  });

  it("defaultWorkspaceContext names the Default workspace, acts as the system (reason Hookline unless given) and reads only Default", async () => {
    const prisma = database().prisma;
    const other = await prisma.workspace.create({ data: { slug: "other", name: "Other" } });
    await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/other", tokenCiphertext: "x", workspaceId: other.id } });
    const own = await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/default", tokenCiphertext: "x" } });

    const ctx = defaultWorkspaceContext(prisma);
    expect(ctx.workspace).toEqual({ id: DEFAULT_WORKSPACE_ID, slug: DEFAULT_WORKSPACE_SLUG, name: "Default" });
    expect(ctx.actor).toEqual({ kind: "system", reason: "Hookline" });
    expect(ctx.prisma === prisma, "the unscoped client").toBe(true);
    expect(await ctx.db.webhook.findMany({ select: { id: true } })).toEqual([{ id: own.id }]);
    // The Default row the migrations made is the one it names.
    expect(await prisma.workspace.findUnique({ where: { id: DEFAULT_WORKSPACE_ID }, select: { slug: true, name: true } })).toEqual({
      slug: DEFAULT_WORKSPACE_SLUG,
      name: "Default",
    });
    expect(defaultWorkspaceContext(prisma, "the CLI").actor).toEqual({ kind: "system", reason: "the CLI" });
  });
});

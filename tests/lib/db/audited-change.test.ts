import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditedChange, auditedInstallationChange, recordAudit, systemSource } from "@/lib/db/audited-change";
import { defaultWorkspaceContext, workspaceContext } from "@/lib/db/workspace-context";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const WORKSPACE = { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" };
const created = { action: "project.created", target: { type: "project", id: "p1", name: "P" } } as const;

describe.each(TEST_DATABASES)("audited changes on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const entries = () => db().prisma.auditEntry.findMany({ orderBy: { at: "asc" } });

  it("writes the change and its entry together, in the context's workspace, and counts it", async () => {
    const ctx = workspaceContext(db().prisma, WORKSPACE, { kind: "system", reason: "tests" }, "192.0.2.1");
    await auditedChange(ctx, (tx) => tx.project.create({ data: { id: "p1", name: "P" } }), created);
    expect(await db().prisma.project.count()).toBe(1);
    expect(await entries()).toMatchObject([
      {
        workspaceId: DEFAULT_WORKSPACE_ID,
        action: "project.created",
        targetId: "p1",
        actorKind: "system",
        actorName: "Hookline (tests)",
        address: "192.0.2.1",
      },
    ]);
    expect(ctx.trail.written).toBe(1);
  });

  it("a change that fails leaves no entry; an entry that cannot be written undoes the change", async () => {
    const ctx = defaultWorkspaceContext(db().prisma);
    await expect(
      auditedChange(
        ctx,
        async (tx) => {
          await tx.project.create({ data: { id: "p1", name: "P" } });
          throw new Error("the write failed half-way");
        },
        created,
      ),
    ).rejects.toThrow("half-way");
    // The entry names a workspace that does not exist: its insert fails, and takes the workspace with it.
    await expect(
      auditedInstallationChange(ctx, (tx) => tx.workspace.create({ data: { slug: "orphan", name: "Orphan" } }), {
        workspaceId: randomUUID(),
        action: "workspace.created",
        target: { type: "workspace", id: null },
      }),
    ).rejects.toThrow();
    expect(await db().prisma.project.count()).toBe(0);
    expect(await db().prisma.workspace.count({ where: { slug: "orphan" } })).toBe(0);
    expect(await entries()).toEqual([]);
    expect(ctx.trail.written).toBe(0);
  });

  it("names the actor: a user by email, an API key and an OAuth app by name, Hookline with why", async () => {
    const user = await createUser({ email: "ann@example.com", password: "ann-password-123", role: "ADMIN" });
    const key = await createApiKey(defaultWorkspaceContext(db().prisma), { name: "CRM sync" }, null);
    const app = await createOAuthApp(
      defaultWorkspaceContext(db().prisma),
      { name: "Zapier", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] },
      null,
    );
    const as = (actor: Parameters<typeof workspaceContext>[2]) => workspaceContext(db().prisma, WORKSPACE, actor);
    const event = { action: "webhook.tested", target: { type: "webhook", id: null } } as const;
    await recordAudit(as({ kind: "session", userId: user.id }), event);
    await recordAudit(as({ kind: "api_key", apiKeyId: key.id, scopes: ["administrative"] }), event);
    await recordAudit(as({ kind: "oauth", tokenId: randomUUID(), appId: app.id, scopes: ["administrative"] }), event);
    await recordAudit(as({ kind: "system", reason: "CLI" }), event);
    const tested = (await entries()).filter((e) => e.action === "webhook.tested");
    expect(tested.map((e) => [e.actorKind, e.actorId, e.actorName])).toEqual([
      ["user", user.id, "ann@example.com"],
      ["api_key", key.id, "CRM sync"],
      ["oauth", app.id, "Zapier"],
      ["system", null, "Hookline (CLI)"],
    ]);
  });

  it("an installation's entry goes to the log it names, or the installation's own", async () => {
    const source = { ...systemSource("CLI"), prisma: db().prisma };
    const ws = await auditedInstallationChange(
      source,
      (tx) => tx.workspace.create({ data: { slug: "acme", name: "Acme" } }),
      (w) => ({ workspaceId: w.id, action: "workspace.created", target: { type: "workspace", id: w.id, name: w.name } }),
    );
    await auditedInstallationChange(source, (tx) => tx.workspace.delete({ where: { id: ws.id } }), {
      workspaceId: null,
      action: "workspace.deleted",
      target: { type: "workspace", id: ws.id, name: "Acme" },
    });
    // The workspace's own log went with it; the installation's keeps the deletion.
    expect((await entries()).map((e) => [e.action, e.workspaceId])).toEqual([["workspace.deleted", null]]);
    expect(source.trail.written).toBe(2);
  });
});

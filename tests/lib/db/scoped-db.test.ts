import { describe, expect, it } from "vitest";
import { scopeArgs, scopedDb } from "@/lib/db/scoped-db";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const WS = "11111111-1111-4111-8111-111111111111";

describe("scopeArgs", () => {
  it("adds the workspace to every where of a workspace's model, after the caller's, so it cannot be overridden", () => {
    for (const operation of ["findUnique", "findFirst", "findMany", "count", "updateMany", "deleteMany", "delete", "aggregate", "groupBy"])
      expect(scopeArgs("Webhook", operation, { where: { id: "x", workspaceId: "other" } }, WS).where, operation).toEqual({ id: "x", workspaceId: WS });
    expect(scopeArgs("Delivery", "findMany", undefined, WS)).toEqual({ where: { workspaceId: WS } });
  });

  it("puts the workspace into created rows, one or many, and keeps an update from moving a row to another workspace", () => {
    expect(scopeArgs("Project", "create", { data: { id: "p", name: "P", workspaceId: "other" } }, WS).data).toEqual({ id: "p", name: "P", workspaceId: WS });
    expect(scopeArgs("Project", "createMany", { data: [{ id: "a" }, { id: "b" }] }, WS).data).toEqual([
      { id: "a", workspaceId: WS },
      { id: "b", workspaceId: WS },
    ]);
    expect(scopeArgs("Webhook", "update", { where: { id: "x" }, data: { workspaceId: "other" } }, WS).data).toEqual({ workspaceId: WS });
    const upsert = scopeArgs("AdminApiKey", "upsert", { where: { workspaceId: "other" }, create: { keyCiphertext: "k" }, update: { keyCiphertext: "k" } }, WS);
    expect(upsert).toMatchObject({
      where: { workspaceId: WS },
      create: { keyCiphertext: "k", workspaceId: WS },
      update: { keyCiphertext: "k", workspaceId: WS },
    });
  });

  it("scopes attempts through their delivery, and leaves the installation's models alone", () => {
    expect(scopeArgs("Attempt", "findMany", { where: { number: 1 } }, WS).where).toEqual({ number: 1, delivery: { is: { workspaceId: WS } } });
    expect(scopeArgs("User", "findMany", { where: { email: "a" } }, WS)).toEqual({ where: { email: "a" } });
    expect(scopeArgs("EventType", "findMany", { where: { name: "x" } }, WS)).toEqual({ where: { name: "x" } });
  });
});

describe.each(TEST_DATABASES)("scopedDb on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("a workspace's client finds, changes and deletes nothing of another's, and creates into its own", async () => {
    const prisma = database().prisma;
    await prisma.workspace.create({ data: { id: WS, slug: "other", name: "Other" } });
    const theirs = await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/theirs", tokenCiphertext: "x" } });
    const other = scopedDb(prisma, WS);
    expect(await other.webhook.findUnique({ where: { id: theirs.id } })).toBeNull();
    expect(await other.webhook.count()).toBe(0);
    expect((await other.webhook.updateMany({ where: { id: theirs.id }, data: { description: "hacked" } })).count).toBe(0);
    expect((await other.webhook.deleteMany({ where: { id: theirs.id } })).count).toBe(0);
    await expect(other.webhook.update({ where: { id: theirs.id }, data: { description: "hacked" } })).rejects.toThrow();
    const mine = await other.webhook.create({ data: { url: "http://127.0.0.1:9/mine", tokenCiphertext: "x" } });
    expect(mine.workspaceId).toBe(WS);
    expect((await prisma.webhook.findUniqueOrThrow({ where: { id: theirs.id } })).description).toBe("");
    expect(await scopedDb(prisma, DEFAULT_WORKSPACE_ID).webhook.findMany({ select: { id: true } })).toEqual([{ id: theirs.id }]);
    // One client per workspace and database, reused.
    expect(scopedDb(prisma, WS)).toBe(other);
  });
});

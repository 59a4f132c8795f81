import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { deleteWebhookAction } from "@/lib/server/worksection/delete-webhook-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("deleteWebhookAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("deletes by id; a missing, unknown or non-UUID id is a domain error naming it", async () => {
    const { id } = await database().prisma.webhook.create({
      data: { url: "https://a.example/", events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z" },
    });
    await expect(deleteWebhookAction(ctx(), new Map([["id", "16"]]))).rejects.toMatchObject({
      kind: "not_found",
      code: "not_found",
      issues: [{ path: "id", message: "16" }],
    });
    await expect(deleteWebhookAction(ctx(), new Map())).rejects.toMatchObject({ code: "required", issues: [{ path: "id" }] });
    expect(await deleteWebhookAction(ctx(), new Map([["id", ` ${id} `]]))).toEqual({});
    expect(await database().prisma.webhook.count()).toBe(0);
    await expect(deleteWebhookAction(ctx(), new Map([["id", id]]))).rejects.toMatchObject({ code: "not_found", issues: [{ path: "id", message: id }] });
  });

  it("another workspace's webhook is not found, and stays", async () => {
    const prisma = database().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const { id } = await prisma.webhook.create({
      data: { url: "https://a.example/", events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z", workspaceId: otherRef.id },
    });
    await expect(deleteWebhookAction(ctx(), new Map([["id", id]]))).rejects.toMatchObject({ code: "not_found", issues: [{ path: "id", message: id }] });
    expect(await prisma.webhook.count()).toBe(1);
    expect(await deleteWebhookAction(otherCtx(prisma, otherRef), new Map([["id", id]]))).toEqual({});
    expect(await prisma.webhook.count()).toBe(0);
  });
});

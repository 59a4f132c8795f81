import { describe, expect, it } from "vitest";
import { deleteWebhookAction } from "@/lib/server/worksection/delete-webhook-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("deleteWebhookAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("deletes by id; a missing, unknown or non-UUID id is a Worksection error naming it", async () => {
    const { id } = await database().prisma.webhook.create({
      data: { url: "https://a.example/", events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z" },
    });
    await expect(deleteWebhookAction(new Map([["id", "16"]]))).rejects.toMatchObject({ kind: "not_found", details: "16" });
    await expect(deleteWebhookAction(new Map())).rejects.toMatchObject({ kind: "required", details: "id" });
    expect(await deleteWebhookAction(new Map([["id", ` ${id} `]]))).toEqual({});
    expect(await database().prisma.webhook.count()).toBe(0);
    await expect(deleteWebhookAction(new Map([["id", id]]))).rejects.toMatchObject({ kind: "not_found", details: id });
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("deleteWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("deletes the webhook and its deliveries, leaving others and the events", async () => {
    const db = database().prisma;
    const gone = await enabledWebhook("http://127.0.0.1:9/gone");
    const kept = await enabledWebhook("http://127.0.0.1:9/kept");
    const event = await db.event.create({ data: { type: "deals.created", payload: {} } });
    await db.delivery.createMany({ data: [gone, kept].map((w) => ({ webhookId: w.id, eventId: event.id })) });
    await deleteWebhook(ctx(), gone.id);
    expect((await db.webhook.findMany()).map((w) => w.id)).toEqual([kept.id]);
    expect((await db.delivery.findMany()).map((d) => d.webhookId)).toEqual([kept.id]);
    expect(await db.event.count()).toBe(1);
  });

  it("says not found for an unknown id, or one deleted already, deleting nothing", async () => {
    const kept = await enabledWebhook("http://127.0.0.1:9/kept");
    await expect(deleteWebhook(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    await deleteWebhook(ctx(), kept.id);
    await expect(deleteWebhook(ctx(), kept.id)).rejects.toMatchObject({ kind: "not_found" });
    const other = await enabledWebhook("http://127.0.0.1:9/other");
    await expect(deleteWebhook(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    expect((await database().prisma.webhook.findMany()).map((w) => w.id)).toEqual([other.id]);
  });
});

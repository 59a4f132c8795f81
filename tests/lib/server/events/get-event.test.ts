import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { getEvent } from "@/lib/server/events/get-event";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("getEvent on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("shows the event's exact body and every delivery it made, with its webhook and outcome", async () => {
    const a = await enabledWebhook("http://127.0.0.1:9/a", { events: ["deals.created"], description: "Warehouse" });
    const b = await enabledWebhook("http://127.0.0.1:9/b", { events: ["*"] });
    await createWebhook(ctx(), { url: "http://127.0.0.1:9/off", events: ["*"] }); // disabled: gets no delivery
    const { id } = await publishEvent(ctx(), { event: "deals.created", data: { deal: 7 } });
    const db = database().prisma;
    await db.webhook.update({ where: { id: b.id }, data: { enabled: false } });
    const detail = await getEvent(ctx(), id);
    expect(detail).toMatchObject({ id, event: "deals.created", projectId: null });
    expect(JSON.parse(detail.body)).toEqual({ id, event: "deals.created", timestamp: detail.timestamp, projectId: null, data: { deal: 7 } });
    expect(detail.deliveries.map((d) => [d.webhookUrl, d.webhookDescription, d.status, d.isParked]).sort()).toEqual([
      ["http://127.0.0.1:9/a", "Warehouse", "pending", false],
      ["http://127.0.0.1:9/b", "", "pending", true],
    ]);
    expect(detail.deliveries.every((d) => d.eventId === id && d.event === "deals.created")).toBe(true);
    expect(detail.deliveries.find((d) => d.webhookId === a.id)).toBeDefined();
  });

  it("an event that matched no webhook has no deliveries; an unknown id is not found", async () => {
    const { id } = await publishEvent(ctx(), { event: "page.created", data: {} });
    expect((await getEvent(ctx(), id)).deliveries).toEqual([]);
    await expect(getEvent(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Event not found" });
    // Another workspace's event is not found either.
    await expect(getEvent(otherCtx(database().prisma, await createOtherWorkspace(database().prisma)), id)).rejects.toMatchObject({
      kind: "not_found",
      message: "Event not found",
    });
  });
});

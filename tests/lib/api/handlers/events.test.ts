import { describe, expect, it } from "vitest";
import { publishBatchHandler, publishEventHandler } from "@/lib/api/handlers/events";
import { publishBatchOperation, publishEventOperation } from "@/lib/api/operations/events";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { adminKey, call } from "../../../helpers/routes";

describe.each(TEST_DATABASES)("publish handlers on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("serve their declared operations", () => {
    expect(publishEventHandler.operation).toBe(publishEventOperation);
    expect(publishBatchHandler.operation).toBe(publishBatchOperation);
  });

  it("POST /events: 202 with the event's id and one delivery per matching enabled webhook", async () => {
    const key = await adminKey();
    const hook = await enabledWebhook("http://127.0.0.1:9/h", { events: ["deals.created"] });
    await enabledWebhook("http://127.0.0.1:9/other", { events: ["page.created"] });
    const res = await call(publishEventHandler, { method: "POST", path: "/events", key, body: { event: "deals.created", data: { n: 1 } } });
    expect(res).toMatchObject({ status: 202, json: { id: expect.any(String), deliveries: 1, isDuplicate: false } });
    const delivery = await db().prisma.delivery.findFirstOrThrow({ where: { eventId: res.json.id } });
    expect(delivery.webhookId).toBe(hook.id);
  });

  it("POST /events/batch: 202 with one result per event", async () => {
    const key = await adminKey();
    await enabledWebhook("http://127.0.0.1:9/h", { events: ["*"] });
    const body = {
      events: [
        { event: "deals.created", data: {} },
        { event: "page.created", data: {} },
      ],
    };
    const res = await call(publishBatchHandler, { method: "POST", path: "/events/batch", key, body });
    expect(res.status).toBe(202);
    expect(res.json.data).toHaveLength(2);
    expect(await db().prisma.event.count()).toBe(2);
  });

  it("without a credential: 401 and nothing written; a bad body: 400 naming the field", async () => {
    const anonymous = await call(publishEventHandler, { method: "POST", path: "/events", body: { event: "deals.created", data: {} } });
    expect(anonymous.status).toBe(401);
    const key = await adminKey();
    const bad = await call(publishEventHandler, { method: "POST", path: "/events", key, body: { event: "no.such.type", data: {} } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("event");
    expect(await db().prisma.event.count()).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { findWebhookRow, getWebhook } from "@/lib/server/webhooks/get-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("getWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("returns the row, and its API view without secrets", async () => {
    const created = await enabledWebhook("http://127.0.0.1:9/get", { description: "CRM", token: "get-token-0123456789" });
    await database().prisma.webhook.update({ where: { id: created.id }, data: { consecutiveFailures: 2 } });
    const row = await findWebhookRow(created.id);
    expect(row).toMatchObject({ id: created.id, url: "http://127.0.0.1:9/get", enabled: true, consecutiveFailures: 2 });
    const dto = await getWebhook(created.id);
    expect(dto).toMatchObject({ id: created.id, description: "CRM", events: ["deals.created"], status: "failing", consecutiveFailures: 2, failureLimit: 10 });
    expect(JSON.stringify(dto)).not.toContain("get-token");
    expect(dto).not.toHaveProperty("tokenCiphertext");
  });

  it("says not found for an unknown id", async () => {
    await enabledWebhook("http://127.0.0.1:9/other");
    await expect(findWebhookRow(MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    await expect(getWebhook(MISSING)).rejects.toMatchObject({ kind: "not_found", code: "not_found" });
  });
});

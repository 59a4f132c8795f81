import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { findWebhookRow, getWebhook } from "@/lib/server/webhooks/get-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("getWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("returns the row, and its API view without secrets", async () => {
    const created = await enabledWebhook("http://127.0.0.1:9/get", { description: "CRM", token: "get-token-0123456789" });
    await database().prisma.webhook.update({ where: { id: created.id }, data: { consecutiveFailures: 2 } });
    const row = await findWebhookRow(ctx(), created.id);
    expect(row).toMatchObject({ id: created.id, url: "http://127.0.0.1:9/get", enabled: true, consecutiveFailures: 2 });
    const dto = await getWebhook(ctx(), created.id);
    expect(dto).toMatchObject({ id: created.id, description: "CRM", events: ["deals.created"], status: "failing", consecutiveFailures: 2, failureLimit: 10 });
    expect(JSON.stringify(dto)).not.toContain("get-token");
    expect(dto).not.toHaveProperty("tokenCiphertext");
  });

  it("says not found for an unknown id", async () => {
    await enabledWebhook("http://127.0.0.1:9/other");
    await expect(findWebhookRow(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    await expect(getWebhook(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", code: "not_found" });
  });

  it("another workspace's webhook is not found, as an unknown id is", async () => {
    const created = await enabledWebhook("http://127.0.0.1:9/mine");
    const other = otherCtx(database().prisma, await createOtherWorkspace(database().prisma));
    await expect(findWebhookRow(other, created.id)).rejects.toMatchObject({ kind: "not_found", message: "Webhook not found" });
    await expect(getWebhook(other, created.id)).rejects.toMatchObject({ kind: "not_found" });
    expect(await getWebhook(ctx(), created.id)).toMatchObject({ id: created.id });
  });
});

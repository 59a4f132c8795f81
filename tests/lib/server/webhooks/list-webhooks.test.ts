import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { ZWebhookListQuery } from "@/lib/validation/webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

describe.each(TEST_DATABASES)("listWebhooks on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const list = (query: Record<string, unknown>) => listWebhooks(ctx(), ZWebhookListQuery.parse(query));

  async function seed() {
    const db = database().prisma;
    const ids: string[] = [];
    for (const [i, state] of (["working", "failing", "disabled", "working"] as const).entries()) {
      const { id } = await enabledWebhook(`http://127.0.0.1:9/${i}`);
      await db.webhook.update({
        where: { id },
        data: {
          createdAt: new Date(Date.UTC(2026, 0, i + 1)),
          enabled: state !== "disabled",
          consecutiveFailures: state === "failing" ? 3 : 0,
        },
      });
      ids.push(id);
    }
    return ids;
  }

  it("pages newest first with the id of the last row as cursor", async () => {
    const [w0, w1, w2, w3] = await seed();
    const first = await list({ limit: "3" });
    expect(first.data.map((w) => w.id)).toEqual([w3, w2, w1]);
    expect(first.nextCursor).toBe(w1);
    const second = await list({ limit: "3", cursor: first.nextCursor });
    expect(second).toMatchObject({ data: [{ id: w0, url: "http://127.0.0.1:9/0", failureLimit: 10 }], nextCursor: null });
  });

  it("filters by enabled and by status", async () => {
    const [w0, w1, w2, w3] = await seed();
    expect((await list({ enabled: "false" })).data.map((w) => w.id)).toEqual([w2]);
    expect((await list({ enabled: "true" })).data.map((w) => w.id)).toEqual([w3, w1, w0]);
    expect((await list({ status: "failing" })).data.map((w) => [w.id, w.status])).toEqual([[w1, "failing"]]);
    expect((await list({ status: "working" })).data.map((w) => w.id)).toEqual([w3, w0]);
  });

  // Spread into one object, the status's own `enabled` used to replace the enabled filter.
  it("applies enabled and status together (contradictory filters match nothing)", async () => {
    await seed();
    expect(await list({ status: "working", enabled: "false" })).toEqual({ data: [], nextCursor: null });
  });
});

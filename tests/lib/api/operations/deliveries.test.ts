import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/deliveries";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("delivery operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("the list filters by webhook id and refuses a malformed one by name", () => {
    const query = operations.listDeliveriesOperation.query;
    expect(refusedAt(query, { webhookId: "8d7a2a4e-5f0e-4c8b-9a51-0c1f5a0f9a11" })).toBeUndefined();
    expect(refusedAt(query, { webhookId: "x" })).toBe("webhookId");
  });

  it("redeliver's 409 says what it means: the delivery is being sent right now", () => {
    expect(operations.redeliverOperation.errorMeanings?.[409]).toMatch(/sending this delivery right now/);
  });

  it("the per-webhook reads (stats, queue, replay) live under the webhook's path", () => {
    const underWebhook = declaredIn(operations).filter((o) => o.path.startsWith("/webhooks/{id}/"));
    expect(underWebhook.map((o) => o.path.split("/").at(-1)).sort()).toEqual(["queue", "replay", "stats"]);
  });
});

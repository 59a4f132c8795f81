import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/webhooks";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

const ID = "8d7a2a4e-5f0e-4c8b-9a51-0c1f5a0f9a11";

describe("webhook operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("name a webhook by its UUID", () => {
    for (const op of declaredIn(operations).filter((o) => o.params)) {
      expect(refusedAt(op.params, { id: ID }), op.path).toBeUndefined();
      expect(refusedAt(op.params, { id: "not-a-uuid" }), op.path).toBe("id");
    }
  });

  it("create needs a URL; a test or a rotation may come without a body", () => {
    const { createWebhookOperation: create, testWebhookOperation: test, rotateTokenOperation: rotate } = operations;
    expect(refusedAt(create.body, { events: ["*"] })).toBe("url");
    expect(refusedAt(create.body, { url: "http://127.0.0.1:9/h", events: ["*"] })).toBeUndefined();
    expect(test.isBodyOptional && rotate.isBodyOptional).toBe(true);
    expect(refusedAt(test.body, {})).toBeUndefined();
  });

  it("the list query refuses a status it does not know", () => {
    expect(refusedAt(operations.listWebhooksOperation.query, { status: "sleeping" })).toBe("status");
  });

  it("enabling can be refused by the URL's test (422)", () => {
    expect(operations.enableWebhookOperation.errors).toContain(422);
  });
});

import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/api-keys";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("API key operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("are for a signed-in admin's session only: a key cannot mint or revoke keys", () => {
    for (const op of declaredIn(operations)) expect(op.isSessionOnly, op.path).toBe(true);
  });

  it("a key needs a name", () => {
    expect(refusedAt(operations.createApiKeyOperation.body, {})).toBe("name");
  });

  it("restoring names the key and says when it cannot be restored (409)", () => {
    expect(operations.restoreApiKeyOperation).toMatchObject({ method: "POST", path: "/api-keys/{id}/restore" });
    expect(operations.restoreApiKeyOperation.errors).toContain(409);
    expect(refusedAt(operations.restoreApiKeyOperation.params, { id: "nope" })).toBe("id");
  });
});

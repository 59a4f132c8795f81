import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/admin-api-key";
import { declaredIn, expectWellFormed } from "../../../helpers/operations";

describe("administrative API key operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("are for a signed-in admin's session only: neither an API key nor the key itself can read or replace it", () => {
    for (const op of declaredIn(operations)) expect(op.isSessionOnly, op.path).toBe(true);
  });

  it("reveal is a read that can find none yet; regenerate is a write", () => {
    expect(`${operations.revealAdminApiKeyOperation.method} ${operations.revealAdminApiKeyOperation.path}`).toBe("GET /admin-api-key");
    expect(operations.revealAdminApiKeyOperation.errors).toContain(404);
    expect(`${operations.regenerateAdminApiKeyOperation.method} ${operations.regenerateAdminApiKeyOperation.path}`).toBe("POST /admin-api-key/regenerate");
  });
});

import { describe, expect, it } from "vitest";
import { restoreRefusal } from "@/lib/server/credentials/restore-refusal";

describe("restoreRefusal", () => {
  it("404 for nothing, 409 not_revoked for a working credential, 409 not_restorable naming by_admin for one an admin revoked", () => {
    expect(restoreRefusal("API key", null)).toMatchObject({ kind: "not_found", message: "API key not found" });
    expect(restoreRefusal("API key", { revokedAt: null, revokedFor: null })).toMatchObject({ kind: "conflict", code: "not_revoked" });
    for (const revokedFor of ["by_admin", null]) {
      const refusal = restoreRefusal("OAuth application", { revokedAt: new Date(), revokedFor });
      expect(refusal).toMatchObject({ kind: "conflict", code: "not_restorable" });
      expect(refusal.message).toContain("revoked by an admin (by_admin)");
      expect(refusal.message).toMatch(/^This OAuth application/);
    }
  });
});

import { describe, expect, it } from "vitest";
import { isRestorable, revokedReasonOf, revokedText, ZRevokedReason } from "@/lib/validation/revocation";

describe("revocation reasons", () => {
  it("a working credential has none; a revoked one without a stored reason (before reasons were kept) was revoked by an admin", () => {
    const at = new Date();
    expect(revokedReasonOf(null, null)).toBeNull();
    expect(revokedReasonOf(null, "creator_not_admin")).toBeNull();
    expect(revokedReasonOf(at, null)).toBe("by_admin");
    expect(revokedReasonOf(at, "by_admin")).toBe("by_admin");
    expect(revokedReasonOf(at, "something from a later version")).toBe("by_admin");
    expect(revokedReasonOf(at, "creator_not_admin")).toBe("creator_not_admin");
  });

  it("only creator_not_admin is restorable, and lists say why", () => {
    expect(isRestorable("creator_not_admin")).toBe(true);
    expect(isRestorable("by_admin")).toBe(false);
    expect(isRestorable(null)).toBe(false);
    expect(revokedText("creator_not_admin")).toBe("Revoked: its creator is no longer an admin");
    expect(revokedText("by_admin")).toBe("Revoked");
    expect(ZRevokedReason.safeParse("other").success).toBe(false);
    expect(ZRevokedReason.parse(null)).toBeNull();
  });
});

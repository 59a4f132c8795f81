import { describe, expect, it } from "vitest";
import { ZPageCursor, ZPageLimit } from "@/lib/validation/page";

describe("page query fields", () => {
  it("limit: 50 unless asked, 1 to 100, a whole number, read from a query string", () => {
    expect(ZPageLimit.parse(undefined)).toBe(50);
    expect(ZPageLimit.parse("7")).toBe(7);
    for (const bad of ["0", "101", "2.5", "many"]) expect(ZPageLimit.safeParse(bad).success, bad).toBe(false);
    expect(ZPageLimit.safeParse("101").error?.issues[0]?.message).toBe("limit must be at most 100");
  });

  it("cursor: at most 200 characters", () => {
    expect(ZPageCursor.safeParse("x".repeat(200)).success).toBe(true);
    expect(ZPageCursor.safeParse("x".repeat(201)).error?.issues[0]?.message).toBe("cursor is at most 200 characters");
  });
});

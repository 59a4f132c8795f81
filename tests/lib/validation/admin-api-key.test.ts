import { describe, expect, it } from "vitest";
import { ZAdminApiKey } from "@/lib/validation/admin-api-key";

describe("ZAdminApiKey", () => {
  it("is the key and when it was made, nothing else", () => {
    expect(ZAdminApiKey.parse({ key: "a".repeat(32), createdAt: "2026-11-30T10:00:00.000Z", extra: 1 })).toEqual({
      key: "a".repeat(32),
      createdAt: "2026-11-30T10:00:00.000Z",
    });
    expect(ZAdminApiKey.safeParse({ key: "a".repeat(32) }).success).toBe(false);
  });
});

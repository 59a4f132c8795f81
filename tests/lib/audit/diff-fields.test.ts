import { describe, expect, it } from "vitest";
import { diffFields } from "@/lib/audit/diff-fields";

describe("diffFields", () => {
  it("names each changed field with its value before and after; arrays and dates compare by value", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const before = { url: "https://a", events: ["x", "y"], at, limit: null as number | null, same: 1 };
    const after = { url: "https://b", events: ["x", "y"], at: new Date(at), limit: 5, same: 1 };
    expect(diffFields(before, after, ["url", "events", "at", "limit", "same"])).toEqual({
      url: { from: "https://a", to: "https://b" },
      limit: { from: null, to: 5 },
    });
  });

  it("says only that a secret changed, never its value before or after", () => {
    const changes = diffFields({ password: "old-secret" }, { password: "new-secret" }, ["password"], ["password"]);
    expect(changes).toEqual({ password: "changed" });
    expect(JSON.stringify(changes)).not.toContain("secret");
  });

  it("leaves out fields it was not asked about", () => {
    expect(diffFields({ a: 1, b: 1 }, { a: 1, b: 2 }, ["a"])).toEqual({});
  });
});

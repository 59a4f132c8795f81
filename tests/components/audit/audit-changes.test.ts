import { describe, expect, it } from "vitest";
import { changeLines, valueText } from "@/components/audit/audit-changes";

describe("an audit entry's changes in words", () => {
  it("shows from → to, secrets only as changed, and facts as they are", () => {
    expect(
      changeLines({
        url: { from: "https://a.example/h", to: "https://b.example/h" },
        events: { from: ["deals.created"], to: [] },
        httpPassword: "changed",
        requeued: 3,
      }),
    ).toEqual(["url: https://a.example/h → https://b.example/h", "events: deals.created → none", "httpPassword: changed", "requeued: 3"]);
    expect(changeLines(null)).toEqual([]);
  });

  it("cuts a long value short", () => {
    expect(valueText("x".repeat(200))).toHaveLength(80);
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(null)).toBe("none");
  });
});

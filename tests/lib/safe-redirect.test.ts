import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/safe-redirect";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/settings/api-keys")).toBe("/settings/api-keys");
    expect(safeReturnPath("/settings/webhooks?x=1")).toBe("/settings/webhooks?x=1");
  });
  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\nx", undefined, ["/a"]]) {
      expect(safeReturnPath(bad)).toBe("/settings");
    }
  });
});

import { describe, expect, it } from "vitest";
import { unsafePatternReason } from "@/lib/json-schema/regex-safety";

describe("unsafePatternReason", () => {
  it("refuses a variable repetition inside another, the shapes that backtrack exponentially", () => {
    for (const p of ["(a+)+", "^(a+)+$", "(x*)*y", "(a|b+)*", "((ab)*c+)+", "(\\d{1,5})+", "(?:a[bc]+)*"])
      expect(unsafePatternReason(p), p).toMatch(/exponential/);
  });

  it("allows fixed lengths, optional parts and repetitions side by side", () => {
    for (const p of ["^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?$", "^[a-z]+$", "^(ab){3}$", "a+b+c*", "^(https?://)?[\\w.-]+$", "(a?)+", "^[A-Z]{3}$"])
      expect(unsafePatternReason(p), p).toBeNull();
  });

  it("refuses too many repetitions, and what it cannot parse", () => {
    expect(unsafePatternReason("a*".repeat(26))).toMatch(/more than 25 repetitions/);
    expect(unsafePatternReason("(")).toMatch(/cannot be checked/);
  });
});

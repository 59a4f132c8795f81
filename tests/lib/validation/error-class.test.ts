import { describe, expect, it } from "vitest";
import { describeOutcome, ERROR_CLASS_LABELS, ERROR_CLASSES, errorClassLabel } from "@/lib/validation/error-class";

describe("error classes", () => {
  it("every class has a label; an unknown one is shown as it is", () => {
    for (const c of ERROR_CLASSES) expect(ERROR_CLASS_LABELS[c]).toMatch(/\w/);
    expect(errorClassLabel("timeout")).toBe("Timed out");
    expect(errorClassLabel("from_a_newer_version")).toBe("from_a_newer_version");
  });

  it("describes an outcome by its status, its failure, or both", () => {
    expect(describeOutcome({ statusCode: 200, errorClass: null })).toBe("HTTP 200");
    expect(describeOutcome({ statusCode: 503, errorClass: "http_status" })).toBe("Error status · HTTP 503");
    expect(describeOutcome({ statusCode: null, errorClass: "timeout" })).toBe("Timed out");
    expect(describeOutcome({})).toBe("No answer");
  });
});

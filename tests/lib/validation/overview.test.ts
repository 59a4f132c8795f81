import { describe, expect, it } from "vitest";
import { describeWebhookProblem } from "@/lib/validation/overview";

const base = { enabled: true, consecutiveFailures: 0, disabledReason: null, lastFailureStatusCode: null, lastFailureErrorClass: null };

describe("describeWebhookProblem", () => {
  it("says nothing of a working webhook, even one that failed before its last success", () => {
    expect(describeWebhookProblem({ ...base, lastFailureStatusCode: 500, lastFailureErrorClass: "http_status" })).toBeNull();
  });

  it("counts failures in a row and names the last error", () => {
    expect(describeWebhookProblem({ ...base, consecutiveFailures: 1, lastFailureErrorClass: "timeout" })).toBe("1 failed attempt in a row · last: Timed out");
    expect(describeWebhookProblem({ ...base, consecutiveFailures: 4, lastFailureStatusCode: 503, lastFailureErrorClass: "http_status" })).toBe(
      "4 failed attempts in a row · last: Error status · HTTP 503",
    );
  });

  it("gives Hookline's reason for disabling, with the last error, and says when an admin did it", () => {
    expect(
      describeWebhookProblem({ ...base, enabled: false, disabledReason: "Disabled after 15 failed attempts in a row", lastFailureErrorClass: "connect" }),
    ).toBe("Disabled after 15 failed attempts in a row · last: Connection failed");
    expect(describeWebhookProblem({ ...base, enabled: false, consecutiveFailures: 3, lastFailureErrorClass: "dns" })).toBe("Disabled by an admin");
  });
});

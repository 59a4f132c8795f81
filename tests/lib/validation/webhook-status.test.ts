import { describe, expect, it } from "vitest";
import { webhookStatus } from "@/lib/validation/webhook-status";

describe("webhookStatus", () => {
  it("is disabled whenever the webhook is off, failing with failures since its last success, else working", () => {
    expect(webhookStatus({ enabled: false, consecutiveFailures: 0 })).toBe("disabled");
    expect(webhookStatus({ enabled: false, consecutiveFailures: 7 })).toBe("disabled");
    expect(webhookStatus({ enabled: true, consecutiveFailures: 0 })).toBe("working");
    expect(webhookStatus({ enabled: true, consecutiveFailures: 1 })).toBe("failing");
  });
});

import { describe, expect, it } from "vitest";
import { statusText } from "@/components/webhooks/status-dot";
import { AUTO_DISABLE_REASON, GONE_REASON } from "@/lib/delivery/webhook-health";

const base = { consecutiveFailures: 0, failureLimit: 10, disabledReason: null };

describe("statusText", () => {
  it("says how far a failing webhook is from being switched off", () => {
    expect(statusText({ ...base, status: "failing", consecutiveFailures: 1 })).toBe(
      "Working, has failed attempts: 1 of 10 consecutive failures before it is switched off",
    );
    expect(statusText({ ...base, status: "working" })).toBe("Working");
  });

  it("says why Hookline disabled it, in one sentence", () => {
    expect(statusText({ ...base, status: "disabled", disabledReason: AUTO_DISABLE_REASON(10) })).toBe("Disabled after 10 failed attempts in a row");
    expect(statusText({ ...base, status: "disabled", disabledReason: GONE_REASON })).toBe("Disabled: The receiver answered 410 Gone");
    expect(statusText({ ...base, status: "disabled", disabledReason: "10 consecutive failed deliveries" })).toBe("Disabled: 10 consecutive failed deliveries");
    expect(statusText({ ...base, status: "disabled" })).toBe("Disabled");
  });
});

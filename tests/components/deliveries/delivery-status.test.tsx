// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryStatus, lastAttemptText, retryText } from "@/components/deliveries/delivery-status";
import type { TDelivery } from "@/lib/validation/delivery";

afterEach(cleanup);

const base = {
  status: "pending",
  isParked: false,
  attemptCount: 1,
  lastStatusCode: 500,
  lastErrorClass: "http_status",
  nextAttemptAt: "2026-12-07T14:05:00.000Z",
  maxAttempts: 4,
} satisfies Partial<TDelivery>;

describe("a delivery's status", () => {
  it("says Retrying, never just Pending, once an attempt failed; Pending before the first; Parked while its webhook is off", () => {
    render(<DeliveryStatus delivery={{ ...base, status: "pending" }} />);
    expect(screen.getByText("Retrying")).toBeTruthy();
    cleanup();
    render(<DeliveryStatus delivery={{ ...base, attemptCount: 0 }} />);
    expect(screen.getByText("Pending")).toBeTruthy();
    cleanup();
    render(<DeliveryStatus delivery={{ ...base, isParked: true }} />);
    expect(screen.getByText("Parked")).toBeTruthy();
  });

  it("tells the whole retry in one line: the last attempt in words, the next time, and which attempt comes", () => {
    const line = retryText(base) as string;
    expect(line).toMatch(/^Retrying · last attempt HTTP 500 · next at .+ · attempt 2 of 4$/);
    expect(retryText({ ...base, attemptCount: 3 })).toMatch(/ · final retry$/);
    expect(retryText({ ...base, lastErrorClass: "timeout", lastStatusCode: null })).toContain("last attempt Timed out");
    expect(retryText({ ...base, status: "failed" })).toBeNull();
    expect(retryText({ ...base, isParked: true })).toBeNull();
    expect(retryText({ ...base, attemptCount: 0 })).toBeNull();
    expect(lastAttemptText({ lastStatusCode: null, lastErrorClass: null })).toBeNull();
  });
});

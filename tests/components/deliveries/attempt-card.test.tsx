// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { AttemptCard, attemptOutcome } from "@/components/deliveries/attempt-card";
import type { TAttempt } from "@/lib/validation/delivery";

afterEach(cleanup);

const ATTEMPT: TAttempt = {
  number: 2,
  trigger: "auto",
  startedAt: "2026-12-06T10:00:00.000Z",
  durationMs: 312,
  statusCode: 200,
  errorClass: null,
  errorMessage: null,
  requestHeaders: { delivery: "d1", signature: "••••" },
  responseHeaders: { "content-type": "text/plain" },
  responseBody: "ok",
  isBodyTruncated: false,
  isLate: false,
};

describe("AttemptCard", () => {
  it("an attempt on time: its number, trigger and outcome, no late badge", () => {
    render(<AttemptCard attempt={ATTEMPT} />);
    const card = screen.getByTestId("attempt");
    expect(within(card).getByText("Attempt 2")).toBeTruthy();
    expect(within(card).getByText("HTTP 200")).toBeTruthy();
    expect(within(card).queryByText(/late/)).toBeNull();
  });

  it("a late attempt says so on its line and, opened, what it means for the receiver", async () => {
    render(<AttemptCard attempt={{ ...ATTEMPT, isLate: true }} />);
    const card = screen.getByTestId("attempt");
    expect(within(card).getByText("late · taken over")).toBeTruthy();
    await userEvent.click(within(card).getByText("Attempt 2"));
    expect(within(card).getByText(/the receiver got this request and a later one with the same\s+Delivery id/)).toBeTruthy();
  });

  it("names the outcome in words and says it opens (a chevron, 'Request and response')", () => {
    expect(attemptOutcome({ errorClass: "http_status", statusCode: 500 })).toBe("Error status · HTTP 500");
    expect(attemptOutcome({ errorClass: "timeout", statusCode: null })).toBe("Timed out");
    expect(attemptOutcome({ errorClass: null, statusCode: 204 })).toBe("HTTP 204");
    render(<AttemptCard attempt={ATTEMPT} />);
    expect(within(screen.getByTestId("attempt")).getByText("Request and response")).toBeTruthy();
  });
});

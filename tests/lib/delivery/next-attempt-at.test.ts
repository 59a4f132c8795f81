import { describe, expect, it } from "vitest";
import { nextAttemptAt, parseRetryAfter } from "@/lib/delivery/next-attempt-at";

const MIN = 60_000;
const now = new Date("2026-11-24T12:00:00Z");
const schedule = [1 * MIN, 5 * MIN, 10 * MIN];

describe("nextAttemptAt", () => {
  it("follows the schedule after each failed attempt, then gives up", () => {
    const at = (attemptCount: number) => nextAttemptAt({ attemptCount, schedule, statusCode: 500, now })?.getTime() ?? null;
    expect([at(1), at(2), at(3), at(4)]).toEqual([now.getTime() + MIN, now.getTime() + 5 * MIN, now.getTime() + 10 * MIN, null]);
  });
  it("stops at once on 410 Gone", () => {
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 410, now })).toBeNull();
  });
  it("honours Retry-After only on 429 and 503, within the longest wait", () => {
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 429, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + 30_000);
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 503, retryAfter: "99999", now })?.getTime()).toBe(now.getTime() + 10 * MIN);
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 500, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + MIN);
    expect(nextAttemptAt({ attemptCount: 3, schedule, statusCode: 429, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + 30_000);
    expect(nextAttemptAt({ attemptCount: 4, schedule, statusCode: 429, retryAfter: "30", now })).toBeNull();
  });
  it("reads Retry-After as seconds or an HTTP date, and ignores anything else", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 12:02:00 GMT", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ADDRESS_FREE_FAILURES, FREE_FAILURES, LoginThrottle, MAX_LOCK_MS, WINDOW_MS } from "@/lib/auth/login-throttle";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("LoginThrottle", () => {
  it("lets the first failures through, then locks out with a doubling delay", () => {
    const c = clock();
    const throttle = new LoginThrottle(c.now);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(throttle.retryAfterMs(["email:a"])).toBe(0);
      throttle.recordFailure(["email:a"]);
    }
    expect(throttle.retryAfterMs(["email:a"])).toBe(0);
    throttle.recordFailure(["email:a"]);
    expect(throttle.retryAfterMs(["email:a"])).toBe(1_000);
    c.advance(1_000);
    throttle.recordFailure(["email:a"]);
    expect(throttle.retryAfterMs(["email:a"])).toBe(2_000);
    throttle.recordFailure(["email:a"]);
    expect(throttle.retryAfterMs(["email:a"])).toBe(4_000);
  });

  it("caps the lock-out", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < 60; i++) throttle.recordFailure(["k"]);
    expect(throttle.retryAfterMs(["k"])).toBe(MAX_LOCK_MS);
  });

  it("keeps keys apart and reports the longest wait among them", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < FREE_FAILURES + 2; i++) throttle.recordFailure(["email:a", "ip:1"]);
    expect(throttle.retryAfterMs(["email:a"])).toBe(2_000);
    expect(throttle.retryAfterMs(["email:b", "ip:1"])).toBe(0); // an address has more room than an account
    for (let i = FREE_FAILURES + 2; i < ADDRESS_FREE_FAILURES + 1; i++) throttle.recordFailure(["ip:1"]);
    expect(throttle.retryAfterMs(["email:b", "ip:1"])).toBe(1_000);
  });

  it("forgets failures after the window and on success", () => {
    const c = clock();
    const throttle = new LoginThrottle(c.now);
    for (let i = 0; i < FREE_FAILURES; i++) throttle.recordFailure(["k"]);
    c.advance(WINDOW_MS + 1);
    throttle.recordFailure(["k"]);
    expect(throttle.retryAfterMs(["k"])).toBe(0);
    for (let i = 0; i < FREE_FAILURES + 1; i++) throttle.recordFailure(["j"]);
    expect(throttle.retryAfterMs(["j"])).toBeGreaterThan(0);
    throttle.recordSuccess(["j"]);
    expect(throttle.retryAfterMs(["j"])).toBe(0);
  });
});

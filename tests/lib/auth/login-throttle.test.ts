import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FREE_FAILURES,
  ADDRESS_FREE_FAILURES,
  PAIR_FREE_FAILURES as FREE_FAILURES,
  LoginThrottle,
  MAX_LOCK_MS,
  throttleKeys,
  WINDOW_MS,
} from "@/lib/auth/login-throttle";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("LoginThrottle", () => {
  it("lets the first failures through, then locks out with a doubling delay", () => {
    const c = clock();
    const throttle = new LoginThrottle(c.now);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(throttle.retryAfterMs(["pair:a|1"])).toBe(0);
      throttle.recordFailure(["pair:a|1"]);
    }
    expect(throttle.retryAfterMs(["pair:a|1"])).toBe(0);
    throttle.recordFailure(["pair:a|1"]);
    expect(throttle.retryAfterMs(["pair:a|1"])).toBe(1_000);
    c.advance(1_000);
    throttle.recordFailure(["pair:a|1"]);
    expect(throttle.retryAfterMs(["pair:a|1"])).toBe(2_000);
    throttle.recordFailure(["pair:a|1"]);
    expect(throttle.retryAfterMs(["pair:a|1"])).toBe(4_000);
  });

  it("caps the lock-out", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < 60; i++) throttle.recordFailure(["k"]);
    expect(throttle.retryAfterMs(["k"])).toBe(MAX_LOCK_MS);
  });

  it("keeps keys apart and reports the longest wait among them", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < FREE_FAILURES + 2; i++) throttle.recordFailure(["pair:a|1", "ip:1"]);
    expect(throttle.retryAfterMs(["pair:a|1"])).toBe(2_000);
    expect(throttle.retryAfterMs(["pair:b|1", "ip:1"])).toBe(0); // an address has more room than an account
    for (let i = FREE_FAILURES + 2; i < ADDRESS_FREE_FAILURES + 1; i++) throttle.recordFailure(["ip:1"]);
    expect(throttle.retryAfterMs(["pair:b|1", "ip:1"])).toBe(1_000);
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

  it("counts an account across all addresses, with more room than one address gets", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) throttle.recordFailure(throttleKeys("a@x", `10.0.${i >> 8}.${i & 255}`));
    expect(throttle.retryAfterMs(throttleKeys("a@x", "10.9.9.9"))).toBe(0);
    throttle.recordFailure(throttleKeys("a@x", "10.9.9.8"));
    expect(throttle.retryAfterMs(throttleKeys("a@x", "10.9.9.9"))).toBe(1_000);
    expect(throttle.retryAfterMs(throttleKeys("b@x", "10.9.9.9"))).toBe(0);
  });

  it("forgiving a failure recorded in advance lifts the lock it caused", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < ADDRESS_FREE_FAILURES + 1; i++) throttle.recordFailure(["ip:1"]);
    expect(throttle.retryAfterMs(["ip:1"])).toBe(1_000);
    throttle.forgiveOne(["ip:1"]);
    expect(throttle.retryAfterMs(["ip:1"])).toBe(0);
    throttle.recordFailure(["ip:1"]);
    expect(throttle.retryAfterMs(["ip:1"])).toBe(1_000);
  });
});

import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FREE_FAILURES,
  ADDRESS_FREE_FAILURES,
  API_ADDRESS_FREE_FAILURES,
  CLIENT_FREE_FAILURES,
  credentialThrottleKeys,
  PAIR_FREE_FAILURES as FREE_FAILURES,
  LoginThrottle,
  lockMsAfter,
  MAX_LOCK_MS,
  throttleKeys,
  WINDOW_MS,
} from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

function clock(start = Date.UTC(2026, 10, 30, 12)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("lockMsAfter and throttleKeys", () => {
  it("locks from the free count on, doubling, capped", () => {
    expect(lockMsAfter("pair:a|1", FREE_FAILURES - 1)).toBe(0);
    expect(lockMsAfter("pair:a|1", FREE_FAILURES)).toBe(1_000);
    expect(lockMsAfter("pair:a|1", FREE_FAILURES + 2)).toBe(4_000);
    expect(lockMsAfter("ip:1", ADDRESS_FREE_FAILURES)).toBe(1_000);
    expect(lockMsAfter("email:a", ACCOUNT_FREE_FAILURES - 1)).toBe(0);
    expect(lockMsAfter("device:x", 60)).toBe(MAX_LOCK_MS);
  });

  it("counts a trusted device alone, anyone else by pair, address and account", () => {
    expect(throttleKeys("a@x", "10.0.0.1")).toEqual(["pair:a@x|10.0.0.1", "ip:10.0.0.1", "email:a@x"]);
    expect(throttleKeys("a@x", null)).toEqual(["pair:a@x|unknown", "ip:unknown", "email:a@x"]);
    expect(throttleKeys("a@x", "10.0.0.1", "dev1")).toEqual(["device:dev1"]);
  });

  it("API credentials count per address and per OAuth client, each kind with its own free failures", () => {
    expect(lockMsAfter("api-ip:10.0.0.1", API_ADDRESS_FREE_FAILURES - 1)).toBe(0);
    expect(lockMsAfter("api-ip:10.0.0.1", API_ADDRESS_FREE_FAILURES)).toBe(1_000);
    expect(lockMsAfter("client:hlc_1", CLIENT_FREE_FAILURES - 1)).toBe(0);
    expect(lockMsAfter("client:hlc_1", CLIENT_FREE_FAILURES)).toBe(1_000);
    expect(API_ADDRESS_FREE_FAILURES).toBeLessThan(CLIENT_FREE_FAILURES);
    // Apart from sign-in's: a client's failures never lock a person's sign-in from that address.
    expect(credentialThrottleKeys("10.0.0.1", "hlc_1")).toEqual(["api-ip:10.0.0.1", "client:hlc_1"]);
    expect(credentialThrottleKeys(null)).toEqual(["api-ip:unknown"]);
    // Only what could be a client_id names one: nothing empty, overlong, or unstorable (a NUL) becomes a key.
    for (const id of ["", "x".repeat(201), "a\u0000b", "é"]) expect(credentialThrottleKeys("10.0.0.1", id), JSON.stringify(id)).toEqual(["api-ip:10.0.0.1"]);
  });
});

describe.each(TEST_DATABASES)("LoginThrottle on $name", (backend) => {
  freshDatabasePerTest(backend);
  /** Every throttle row as [key, failures], by key. */
  const failuresByKey = async () => (await (await getDb()).loginThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => [r.key, r.failures]);

  it("lets the free failures through, refuses the next attempt, then doubles the lock", async () => {
    const c = clock();
    const throttle = new LoginThrottle(getDb, c.now);
    for (let i = 0; i < FREE_FAILURES; i++) expect(await throttle.tryAttempt(["pair:a|1"])).toBe(0);
    // Five failures are documented as the limit: the sixth attempt is refused for 1 s.
    expect(await throttle.tryAttempt(["pair:a|1"])).toBe(1_000);
    c.advance(1_000);
    expect(await throttle.tryAttempt(["pair:a|1"])).toBe(0);
    expect(await throttle.retryAfterMs(["pair:a|1"])).toBe(2_000);
    c.advance(2_000);
    expect(await throttle.tryAttempt(["pair:a|1"])).toBe(0);
    expect(await throttle.retryAfterMs(["pair:a|1"])).toBe(4_000);
  });

  it("caps the lock-out, and forgets a key a window after its last failure", async () => {
    const c = clock();
    const throttle = new LoginThrottle(getDb, c.now);
    // 15 failures: 2^10 s would be 17 min; the cap holds it to 15 (and the window then forgets it).
    for (let failures = 0; failures < FREE_FAILURES + 10; ) {
      const wait = await throttle.tryAttempt(["k"]);
      if (wait) c.advance(wait);
      else failures++;
    }
    expect(await throttle.retryAfterMs(["k"])).toBe(MAX_LOCK_MS);
    c.advance(WINDOW_MS + 1);
    expect(await throttle.retryAfterMs(["k"])).toBe(0);
    expect(await throttle.tryAttempt(["k"])).toBe(0);
    expect(await (await getDb()).loginThrottle.findUniqueOrThrow({ where: { key: "k" } })).toMatchObject({ failures: 1 });
  });

  it("keeps keys apart, reports the longest wait, and an address has more room than an account", async () => {
    const throttle = new LoginThrottle(getDb, clock().now);
    for (let i = 0; i < FREE_FAILURES; i++) await throttle.tryAttempt(["pair:a|1", "ip:1"]);
    expect(await throttle.retryAfterMs(["pair:a|1"])).toBe(1_000);
    expect(await throttle.tryAttempt(["pair:b|1", "ip:1"])).toBe(0);
    for (let i = FREE_FAILURES + 1; i < ADDRESS_FREE_FAILURES; i++) expect(await throttle.tryAttempt([`pair:c${i}|1`, "ip:1"])).toBe(0);
    expect(await throttle.tryAttempt(["pair:z|1", "ip:1"])).toBe(1_000);
  });

  it("success clears a key; forgiving a failure counted in advance lifts the lock it caused", async () => {
    const throttle = new LoginThrottle(getDb, clock().now);
    for (let i = 0; i < FREE_FAILURES; i++) await throttle.tryAttempt(["j", "ip:1"]);
    expect(await throttle.retryAfterMs(["j"])).toBeGreaterThan(0);
    await throttle.recordSuccess(["j"]);
    expect(await throttle.retryAfterMs(["j"])).toBe(0);
    for (let i = FREE_FAILURES; i < ADDRESS_FREE_FAILURES; i++) await throttle.tryAttempt(["ip:1"]);
    expect(await throttle.retryAfterMs(["ip:1"])).toBe(1_000);
    await throttle.forgiveOne(["ip:1"]);
    expect(await throttle.retryAfterMs(["ip:1"])).toBe(0);
  });

  it("is shared: two throttles (two app processes) on one database count together", async () => {
    const c = clock();
    const a = new LoginThrottle(getDb, c.now);
    const b = new LoginThrottle(getDb, c.now);
    for (let i = 0; i < FREE_FAILURES; i++) await (i % 2 ? a : b).tryAttempt(["pair:s|1"]);
    expect(await a.tryAttempt(["pair:s|1"])).toBeGreaterThan(0);
    expect(await b.tryAttempt(["pair:s|1"])).toBeGreaterThan(0);
  });

  it("in a parallel burst, exactly the free number of attempts are counted and let through", async () => {
    const throttle = new LoginThrottle(getDb, clock().now);
    const waits = await Promise.all(Array.from({ length: 12 }, () => throttle.tryAttempt(throttleKeys("p@x", "10.0.0.1"))));
    expect(waits.filter((w) => w === 0)).toHaveLength(FREE_FAILURES);
  });

  it("API credentials: an address gets its free failures, a client id more, and the two are counted apart", async () => {
    const throttle = new LoginThrottle(getDb, clock().now);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect(await throttle.tryAttempt(credentialThrottleKeys("10.0.0.1", "hlc_a"))).toBe(0);
    expect(await throttle.tryAttempt(credentialThrottleKeys("10.0.0.1", "hlc_b"))).toBe(1_000);
    expect(await throttle.tryAttempt(credentialThrottleKeys("10.0.0.2", "hlc_a"))).toBe(0);
    for (let i = API_ADDRESS_FREE_FAILURES + 1; i < CLIENT_FREE_FAILURES; i++) await throttle.tryAttempt(credentialThrottleKeys(`10.1.0.${i}`, "hlc_a"));
    expect(await throttle.tryAttempt(credentialThrottleKeys("10.9.9.9", "hlc_a"))).toBe(1_000);
    expect(await throttle.tryAttempt(credentialThrottleKeys("10.9.9.9", "hlc_b"))).toBe(0);
    // Sign-in's keys are others: a person signing in from the locked address is not slowed.
    expect(await throttle.tryAttempt(throttleKeys("p@x", "10.0.0.1"))).toBe(0);
  });

  it("recordFailure counts after the fact, under the same lock rules: free failures, then a doubling lock; the window forgets", async () => {
    const c = clock();
    const throttle = new LoginThrottle(getDb, c.now);
    const keys = credentialThrottleKeys("10.0.0.1", "hlc_a");
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) {
      expect(await throttle.retryAfterMs(keys)).toBe(0);
      await throttle.recordFailure(keys);
    }
    expect(await throttle.retryAfterMs(keys)).toBe(1_000);
    // The client id has more room: its own key is not locked yet.
    expect(await throttle.retryAfterMs(["client:hlc_a"])).toBe(0);
    c.advance(1_000);
    expect(await throttle.retryAfterMs(keys)).toBe(0);
    await throttle.recordFailure(keys);
    expect(await throttle.retryAfterMs(keys)).toBe(2_000);
    c.advance(WINDOW_MS + 1);
    expect(await throttle.retryAfterMs(keys)).toBe(0);
    await throttle.recordFailure([...keys, ...keys]);
    expect(await failuresByKey()).toEqual([
      ["api-ip:10.0.0.1", 1],
      ["client:hlc_a", 1],
    ]);
  });

  it("recordFailure in a parallel burst from two processes counts every failure", async () => {
    const c = clock();
    const a = new LoginThrottle(getDb, c.now);
    const b = new LoginThrottle(getDb, c.now);
    const keys = credentialThrottleKeys("10.0.0.5", "hlc_p");
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).recordFailure(keys)));
    expect(await failuresByKey()).toEqual([
      ["api-ip:10.0.0.5", 30],
      ["client:hlc_p", 30],
    ]);
  });

  it("recordFailure deletes forgotten rows now and then, as tryAttempt does", async () => {
    const c = clock();
    const db = await getDb();
    await db.loginThrottle.create({ data: { key: "api-ip:old", failures: 3, lastFailureAt: new Date(c.now() - WINDOW_MS - 2 * 60_000) } });
    await new LoginThrottle(getDb, c.now).recordFailure(["api-ip:new"]);
    expect((await db.loginThrottle.findMany()).map((r) => r.key)).toEqual(["api-ip:new"]);
  });

  it("an account-wide spray does not touch a trusted device's key", async () => {
    const throttle = new LoginThrottle(getDb, clock().now);
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await throttle.tryAttempt(throttleKeys("o@x", `10.1.${i >> 8}.${i & 255}`));
    expect(await throttle.tryAttempt(throttleKeys("o@x", "10.9.9.9"))).toBeGreaterThan(0);
    expect(await throttle.tryAttempt(throttleKeys("o@x", "10.9.9.9", "owner-device"))).toBe(0);
  });
});

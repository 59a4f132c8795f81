import { describe, expect, it, vi } from "vitest";
import { beginCredentialCheck, type TCredentialCheck } from "@/lib/api/credential-throttle";
import { API_ADDRESS_FREE_FAILURES, LoginThrottle, MAX_LOCK_MS } from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const from = (address: string | null) => new Request("http://localhost/x", { headers: address ? { "x-forwarded-for": address } : {} });

function open(check: TCredentialCheck): Extract<TCredentialCheck, { isLocked: false }> {
  if (check.isLocked) throw new Error(`locked for ${check.retryAfterS} s`);
  return check;
}

describe.each(TEST_DATABASES)("beginCredentialCheck on $name", (backend) => {
  freshDatabasePerTest(backend);
  const t = Date.UTC(2026, 10, 30, 12);
  const throttle = () => new LoginThrottle(getDb, () => t);
  const rows = async () => (await (await getDb()).loginThrottle.findMany({ orderBy: { key: "asc" } })).map((k) => [k.key, k.failures]);

  it("counts failed checks by the address the front door wrote: the free failures, then locked with seconds to wait", async () => {
    const th = throttle();
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) await open(await beginCredentialCheck(from("198.51.100.1"), null, th)).failed();
    expect(await beginCredentialCheck(from("198.51.100.1"), null, th)).toEqual({ isLocked: true, retryAfterS: 1 });
    // Another address, naming another client, is not slowed; without a front door the unknown address is one more.
    expect(await beginCredentialCheck(from("203.0.113.9"), "hlc_other", th)).toMatchObject({ isLocked: false });
    expect(await beginCredentialCheck(from(null), null, th)).toMatchObject({ isLocked: false });
    // The keys name the address and the client id: never a secret (none was given to name).
    await open(await beginCredentialCheck(from("203.0.113.9"), "hlc_other", th)).failed();
    expect(await rows()).toEqual([
      ["api-ip:198.51.100.1", API_ADDRESS_FREE_FAILURES],
      ["api-ip:203.0.113.9", 1],
      ["client:hlc_other", 1],
    ]);
  });

  it("a check that passes costs one read and is never counted: successes, sequential or parallel, write nothing", async () => {
    const th = throttle();
    const spies = (["retryAfterMs", "tryAttempt", "recordFailure", "forgiveOne", "recordSuccess"] as const).map((m) => [m, vi.spyOn(th, m)] as const);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES * 3; i++) open(await beginCredentialCheck(from("198.51.100.2"), "hlc_a", th));
    // 30 at once, as a host's burst of valid calls: none refused, however many are in flight.
    const parallel = await Promise.all(Array.from({ length: 30 }, () => beginCredentialCheck(from("198.51.100.2"), "hlc_a", th)));
    expect(parallel.filter((c) => c.isLocked)).toHaveLength(0);
    expect(Object.fromEntries(spies.map(([m, spy]) => [m, spy.mock.calls.length]))).toEqual({
      retryAfterMs: API_ADDRESS_FREE_FAILURES * 3 + 30,
      tryAttempt: 0,
      recordFailure: 0,
      forgiveOne: 0,
      recordSuccess: 0,
    });
    expect(await rows()).toEqual([]);
  });

  it("the accepted price: guesses sent at the same instant all pass the read, then all count, and the lock that follows is the longer", async () => {
    const th = throttle();
    const burst = 3 * API_ADDRESS_FREE_FAILURES;
    const checks = await Promise.all(Array.from({ length: burst }, () => beginCredentialCheck(from("198.51.100.3"), null, th)));
    await Promise.all(checks.map((c) => open(c).failed()));
    expect(await rows()).toEqual([["api-ip:198.51.100.3", burst]]);
    // 20 over the free 10: 2^20 s, held to the cap.
    expect(await beginCredentialCheck(from("198.51.100.3"), null, th)).toEqual({ isLocked: true, retryAfterS: MAX_LOCK_MS / 1000 });
  });
});

import { describe, expect, it } from "vitest";
import { beginCredentialCheck } from "@/lib/api/credential-throttle";
import { API_ADDRESS_FREE_FAILURES, LoginThrottle } from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const from = (address: string | null) => new Request("http://localhost/x", { headers: address ? { "x-forwarded-for": address } : {} });

describe.each(TEST_DATABASES)("beginCredentialCheck on $name", (backend) => {
  freshDatabasePerTest(backend);
  const t = Date.UTC(2026, 10, 30, 12);
  const throttle = () => new LoginThrottle(getDb, () => t);

  it("counts each check in advance by the address the front door wrote: the free failures, then locked with seconds to wait", async () => {
    const th = throttle();
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect(await beginCredentialCheck(from("198.51.100.1"), null, th)).toMatchObject({ isLocked: false });
    expect(await beginCredentialCheck(from("198.51.100.1"), null, th)).toEqual({ isLocked: true, retryAfterS: 1 });
    // Another address, naming another client, is not slowed; without a front door the unknown address is one more.
    expect(await beginCredentialCheck(from("203.0.113.9"), "hlc_other", th)).toMatchObject({ isLocked: false });
    expect(await beginCredentialCheck(from(null), null, th)).toMatchObject({ isLocked: false });
  });

  it("a check that passes takes its count back, so successes never lock anyone", async () => {
    const th = throttle();
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES * 3; i++) {
      const check = await beginCredentialCheck(from("198.51.100.2"), "hlc_a", th);
      if (check.isLocked) throw new Error(`a success was counted: locked after ${i}`);
      await check.passed();
    }
    const keys = await (await getDb()).loginThrottle.findMany({ orderBy: { key: "asc" } });
    // The keys name the address and the client id: never a secret (none was given to name).
    expect(keys.map((k) => [k.key, k.failures])).toEqual([
      ["api-ip:198.51.100.2", 0],
      ["client:hlc_a", 0],
    ]);
  });
});

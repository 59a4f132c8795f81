import { describe, expect, it } from "vitest";
import { issueDeviceToken } from "@/lib/auth/device-cookie";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";
import { instanceSecrets } from "@/lib/instance-secrets";
import { authenticateUser, TooManyAttemptsError } from "@/lib/server/users/authenticate-user";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const PASSWORD = "a-long-enough-password";

describe.each(TEST_DATABASES)("authenticateUser on $name", (backend) => {
  const _db = freshDatabasePerTest(backend);

  it("signs in with the right password only, case-insensitively on the email", async () => {
    await createUser({ email: "m@example.com", password: PASSWORD, role: "MEMBER" });
    const throttle = new LoginThrottle();
    const member = await authenticateUser({ email: "M@Example.com", password: PASSWORD }, null, throttle);
    expect(member).toMatchObject({ email: "m@example.com", isOperator: false });
    expect(member).not.toHaveProperty("role"); // roles are the memberships', one per workspace
    expect(await _db().prisma.membership.findMany({ where: { userId: member?.id }, select: { workspaceId: true, role: true } })).toEqual([
      { workspaceId: DEFAULT_WORKSPACE_ID, role: "MEMBER" },
    ]);
    expect(await authenticateUser({ email: "m@example.com", password: `${PASSWORD}x` }, null, throttle)).toBeNull();
    expect(await authenticateUser({ email: "nobody@example.com", password: PASSWORD }, null, throttle)).toBeNull();
    expect(await authenticateUser({ email: "not an email", password: PASSWORD }, null, throttle)).toBeNull();
    expect(await authenticateUser(undefined, null, throttle)).toBeNull();
  });

  it("slows repeated failures per account and address, without locking the account's owner out", async () => {
    await createUser({ email: "t@example.com", password: PASSWORD });
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) expect(await authenticateUser({ email: "t@example.com", password: "wrong-password" }, "10.9.9.9", throttle)).toBeNull();
    // The guesser at 10.9.9.9 is locked out, even with the right password ...
    await expect(authenticateUser({ email: "t@example.com", password: PASSWORD }, "10.9.9.9", throttle)).rejects.toThrow(TooManyAttemptsError);
    // ... but the owner, signing in from elsewhere, is not.
    expect(await authenticateUser({ email: "t@example.com", password: PASSWORD }, "10.1.1.1", throttle)).toMatchObject({ email: "t@example.com" });
    // One client address trying many accounts (password spraying) is slowed too, after more failures.
    for (let i = 0; i < 15; i++) expect(await authenticateUser({ email: `u${i}@example.com`, password: "x" }, "10.9.9.9", throttle)).toBeNull();
    await expect(authenticateUser({ email: "other@example.com", password: "x" }, "10.9.9.9", throttle)).rejects.toThrow(/Too many failed sign-in attempts/);
  });

  it("a spray from 21 addresses locks the account for strangers, never for its owner's browser", async () => {
    await createUser({ email: "owner@example.com", password: PASSWORD });
    // A stopped clock: the locks the spray causes last as long as the test needs, however slow the machine.
    const at = Date.now();
    const throttle = new LoginThrottle(getDb, () => at);
    // The owner signed in from this browser before: it holds the device cookie lib/api/auth-options.ts sets.
    const deviceToken = issueDeviceToken("owner@example.com", instanceSecrets().authSecret);
    let refused = 0;
    for (let i = 0; i < 105; i++) {
      const address = `198.51.100.${i % 21}`;
      await authenticateUser({ email: "owner@example.com", password: `guess-${i}` }, address, throttle).catch((e) => {
        if (!(e instanceof TooManyAttemptsError)) throw e;
        refused++;
      });
    }
    expect(refused).toBeGreaterThan(0); // the spray itself was slowed
    // The owner, with the device cookie, from a fresh address: in at once.
    expect(await authenticateUser({ email: "owner@example.com", password: PASSWORD }, "203.0.113.7", throttle, { deviceToken })).toMatchObject({
      email: "owner@example.com",
    });
    // A stranger from a new address, without it, is still limited, even with the right password.
    await expect(authenticateUser({ email: "owner@example.com", password: PASSWORD }, "203.0.113.99", throttle)).rejects.toThrow(TooManyAttemptsError);
    // A device cookie issued for another account does not help either.
    const otherDevice = issueDeviceToken("someone@example.com", instanceSecrets().authSecret);
    await expect(authenticateUser({ email: "owner@example.com", password: PASSWORD }, "203.0.113.98", throttle, { deviceToken: otherDevice })).rejects.toThrow(
      TooManyAttemptsError,
    );
  });

  it("a trusted device is throttled on its own after the same five failures", async () => {
    await createUser({ email: "d@example.com", password: PASSWORD });
    const throttle = new LoginThrottle();
    const deviceToken = issueDeviceToken("d@example.com", instanceSecrets().authSecret);
    for (let i = 0; i < 5; i++) expect(await authenticateUser({ email: "d@example.com", password: "wrong" }, "10.0.0.1", throttle, { deviceToken })).toBeNull();
    await expect(authenticateUser({ email: "d@example.com", password: PASSWORD }, "10.0.0.1", throttle, { deviceToken })).rejects.toThrow(TooManyAttemptsError);
    // The browser's failures are its own: the account is not locked for anyone else.
    expect(await authenticateUser({ email: "d@example.com", password: PASSWORD }, "10.0.0.2", throttle)).not.toBeNull();
  });

  it("a burst of parallel guesses cannot all pass before the first is counted", async () => {
    await createUser({ email: "b@example.com", password: PASSWORD });
    const throttle = new LoginThrottle();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => authenticateUser({ email: "b@example.com", password: `wrong-${i}` }, "10.2.2.2", throttle)),
    );
    // Five failures are the limit: the other seven are refused without a password check.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof TooManyAttemptsError)).toHaveLength(7);
  });
});

import { describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { accountSettings, changeOwnPassword, signOutEverywhere, updateAccount } from "@/lib/server/users/account";
import { authenticateUser, TooManyAttemptsError } from "@/lib/server/users/authenticate-user";
import { createUser } from "@/lib/server/users/create-user";
import { ZPasswordChange } from "@/lib/validation/user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

/** Who changes the password, and from where: the signed-in user's session. */
const source = (address: string, userId = "00000000-0000-4000-8000-00000000dead") => ({
  actor: { kind: "session" as const, userId },
  address,
  trail: { written: 0 },
});

describe.each(TEST_DATABASES)("changeOwnPassword on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("changes the password once the current one checks out, ending every session; a wrong current one is a field error and changes nothing", async () => {
    const user = await createUser({ email: "me@example.com", password: "first-password-1", role: "ADMIN" });
    const version = async () => (await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const before = await version();
    const throttle = new LoginThrottle();
    await expect(
      changeOwnPassword(
        { email: "me@example.com" },
        { currentPassword: "wrong-password-1", newPassword: "second-password-2" },
        source("10.0.0.1", user.id),
        throttle,
      ),
    ).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "currentPassword", message: "That is not your current password" }],
    });
    expect(await version()).toBe(before);
    await changeOwnPassword(
      { email: "me@example.com" },
      { currentPassword: "first-password-1", newPassword: "second-password-2" },
      source("10.0.0.1", user.id),
      throttle,
    );
    expect(await version()).toBe(before + 1);
    expect(await authenticateUser({ email: "me@example.com", password: "second-password-2" }, null, new LoginThrottle())).toMatchObject({ id: user.id });
    expect(await authenticateUser({ email: "me@example.com", password: "first-password-1" }, null, new LoginThrottle())).toBeNull();
    // Recorded, as the user, from their address.
    expect(await db().prisma.auditEntry.findFirst({ where: { action: "user.password_changed" } })).toMatchObject({
      actorKind: "user",
      actorId: user.id,
      actorName: "me@example.com",
      address: "10.0.0.1",
      targetId: user.id,
    });
  });

  it("is throttled like a sign-in: guesses of the current password are slowed", async () => {
    await createUser({ email: "me@example.com", password: "first-password-1", role: "ADMIN" });
    const throttle = new LoginThrottle();
    const guess = () =>
      changeOwnPassword({ email: "me@example.com" }, { currentPassword: "guess-password-x", newPassword: "second-password-2" }, source("10.0.0.9"), throttle);
    let refused: unknown = null;
    for (let i = 0; i < 12 && !(refused instanceof TooManyAttemptsError); i++) refused = await guess().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
  });

  it("the form's schema wants the current password and a new, different one of at least 12 characters", () => {
    expect(ZPasswordChange.safeParse({ currentPassword: "", newPassword: "long-enough-pass" }).success).toBe(false);
    expect(ZPasswordChange.safeParse({ currentPassword: "a-password-123", newPassword: "short" }).success).toBe(false);
    expect(ZPasswordChange.safeParse({ currentPassword: "a-password-123", newPassword: "a-password-123" }).error?.issues[0]?.path).toEqual(["newPassword"]);
    expect(ZPasswordChange.safeParse({ currentPassword: "a-password-123", newPassword: "another-pass-456" }).success).toBe(true);
  });

  it("your email setting: on by default, turned off and back, each change recorded; whether email is on at all", async () => {
    const user = await createUser({ email: "me@example.com", password: "first-password-1", role: "ADMIN" });
    const prisma = db().prisma;
    expect(await accountSettings(prisma, user.id)).toEqual({ email: "me@example.com", notifyByEmail: true, isEmailOn: false });
    const as = { ...source("10.0.0.2", user.id), prisma };
    expect(await updateAccount(as, user, { notifyByEmail: false })).toMatchObject({ notifyByEmail: false });
    expect((await accountSettings(prisma, user.id)).notifyByEmail).toBe(false);
    await expect(updateAccount(as, user, { notifyByEmail: "no" } as never)).rejects.toMatchObject({ issues: [{ path: ["notifyByEmail"] }] });
    expect(await prisma.auditEntry.findFirst({ where: { action: "user.updated" } })).toMatchObject({
      actorId: user.id,
      changes: { notifyByEmail: { from: true, to: false } },
    });
  });

  it("sign out everywhere ends every session and is recorded", async () => {
    const user = await createUser({ email: "me@example.com", password: "first-password-1", role: "ADMIN" });
    const prisma = db().prisma;
    await signOutEverywhere({ ...source("10.0.0.3", user.id), prisma }, user);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: "user.signed_out_everywhere", targetId: user.id } })).toBe(1);
  });
});

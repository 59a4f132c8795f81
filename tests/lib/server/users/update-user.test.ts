import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { authenticateUser } from "@/lib/server/users/authenticate-user";
import { createUser } from "@/lib/server/users/create-user";
import { LastAdminError, listUsers, setUserPassword, setUserRole, UserNotFoundError } from "@/lib/server/users/update-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const PASSWORD = "a-long-enough-password";

describe.each(TEST_DATABASES)("setUserPassword and setUserRole on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("changes a password and a role, and says when the email is unknown", async () => {
    await createUser({ email: "c@example.com", password: PASSWORD });
    await setUserPassword("C@example.com", "another-long-password");
    const throttle = new LoginThrottle();
    expect(await authenticateUser({ email: "c@example.com", password: PASSWORD }, null, throttle)).toBeNull();
    expect(await authenticateUser({ email: "c@example.com", password: "another-long-password" }, null, throttle)).not.toBeNull();
    expect(await setUserRole("c@example.com", "ADMIN")).toMatchObject({ role: "ADMIN" });
    await expect(setUserRole("missing@example.com", "ADMIN")).rejects.toThrow(UserNotFoundError);
    await expect(setUserPassword("c@example.com", "short")).rejects.toThrow(ZodError);
    expect((await listUsers()).map((u) => u.email)).toEqual(["c@example.com"]);
  });

  it("refuses to demote the only admin, and allows it once there is another", async () => {
    await createUser({ email: "only@example.com", password: PASSWORD, role: "ADMIN" });
    await expect(setUserRole("Only@example.com", "MEMBER")).rejects.toThrow(LastAdminError);
    expect(await db().prisma.user.findUniqueOrThrow({ where: { email: "only@example.com" } })).toMatchObject({ role: "ADMIN" });
    await createUser({ email: "second@example.com", password: PASSWORD, role: "ADMIN" });
    expect(await setUserRole("only@example.com", "MEMBER")).toMatchObject({ role: "MEMBER" });
    await expect(setUserRole("second@example.com", "MEMBER")).rejects.toThrow(LastAdminError);
  });

  it("demoting an admin ends the API keys they made, in the same call; promoting them again restores nothing", async () => {
    const ada = await createUser({ email: "ada@example.com", password: PASSWORD, role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: PASSWORD, role: "ADMIN" });
    const adas = await createApiKey({ name: "ada's" }, ada.id);
    const bobs = await createApiKey({ name: "bob's" }, bob.id);
    expect(await authenticateApiKey(adas.key)).not.toBeNull();

    const changed = await setUserRole("ada@example.com", "MEMBER");
    expect(changed).toMatchObject({ role: "MEMBER", revoked: { apiKeys: 1, oauthApps: 0 } });
    expect(await authenticateApiKey(adas.key)).toBeNull();
    expect(await authenticateApiKey(bobs.key)).not.toBeNull();
    expect((await listApiKeys()).find((k) => k.id === adas.id)).toMatchObject({ revokedReason: "creator_not_admin", createdBy: "ada@example.com" });

    expect((await setUserRole("ada@example.com", "ADMIN")).revoked).toEqual({ apiKeys: 0, oauthApps: 0 });
    expect(await authenticateApiKey(adas.key)).toBeNull();
    // A demotion that finds nothing live counts nothing (the revoked key is not counted twice).
    expect((await setUserRole("ada@example.com", "MEMBER")).revoked).toEqual({ apiKeys: 0, oauthApps: 0 });
    expect(await db().prisma.apiKey.count({ where: { revokedAt: null } })).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { authenticateUser } from "@/lib/server/users/authenticate-user";
import { createUser } from "@/lib/server/users/create-user";
import { LastAdminError, listUsers, setUserPassword, setUserRole, UserNotFoundError } from "@/lib/server/users/update-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const PASSWORD = "a-long-enough-password";

describe.each(TEST_DATABASES)("setUserPassword and setUserRole on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const roleOf = async (email: string, workspaceId = DEFAULT_WORKSPACE_ID) =>
    (await db().prisma.membership.findFirst({ where: { workspaceId, user: { email } }, select: { role: true } }))?.role ?? null;
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("changes a password and a role, and says when the email is unknown", async () => {
    await createUser({ email: "c@example.com", password: PASSWORD });
    await setUserPassword("C@example.com", "another-long-password");
    const throttle = new LoginThrottle();
    expect(await authenticateUser({ email: "c@example.com", password: PASSWORD }, null, throttle)).toBeNull();
    expect(await authenticateUser({ email: "c@example.com", password: "another-long-password" }, null, throttle)).not.toBeNull();
    expect(await setUserRole("c@example.com", "ADMIN")).toMatchObject({ role: "ADMIN" });
    await expect(setUserRole("missing@example.com", "ADMIN")).rejects.toThrow(UserNotFoundError);
    await expect(setUserPassword("c@example.com", "short")).rejects.toThrow(ZodError);
    expect(await listUsers()).toEqual([
      { email: "c@example.com", isOperator: false, createdAt: expect.any(Date), memberships: [{ slug: "default", role: "ADMIN" }] },
    ]);
  });

  it("refuses to demote the only admin, and allows it once there is another", async () => {
    await createUser({ email: "only@example.com", password: PASSWORD, role: "ADMIN" });
    await expect(setUserRole("Only@example.com", "MEMBER")).rejects.toThrow(LastAdminError);
    expect(await roleOf("only@example.com")).toBe("ADMIN");
    await createUser({ email: "second@example.com", password: PASSWORD, role: "ADMIN" });
    expect(await setUserRole("only@example.com", "MEMBER")).toMatchObject({ role: "MEMBER" });
    await expect(setUserRole("second@example.com", "MEMBER")).rejects.toThrow(LastAdminError);
  });

  it("demoting an admin ends the API keys they made, in the same call; promoting them again restores nothing", async () => {
    const ada = await createUser({ email: "ada@example.com", password: PASSWORD, role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: PASSWORD, role: "ADMIN" });
    const adas = await createApiKey(ctx(), { name: "ada's" }, ada.id);
    const bobs = await createApiKey(ctx(), { name: "bob's" }, bob.id);
    expect(await authenticateApiKey(adas.key)).not.toBeNull();

    const changed = await setUserRole("ada@example.com", "MEMBER");
    expect(changed).toMatchObject({ role: "MEMBER", revoked: { apiKeys: 1, oauthApps: 0 } });
    expect(await authenticateApiKey(adas.key)).toBeNull();
    expect(await authenticateApiKey(bobs.key)).not.toBeNull();
    expect((await listApiKeys(ctx())).find((k) => k.id === adas.id)).toMatchObject({ revokedReason: "creator_not_admin", createdBy: "ada@example.com" });

    expect((await setUserRole("ada@example.com", "ADMIN")).revoked).toEqual({ apiKeys: 0, oauthApps: 0 });
    expect(await authenticateApiKey(adas.key)).toBeNull();
    // A demotion that finds nothing live counts nothing (the revoked key is not counted twice).
    expect((await setUserRole("ada@example.com", "MEMBER")).revoked).toEqual({ apiKeys: 0, oauthApps: 0 });
    expect(await db().prisma.apiKey.count({ where: { revokedAt: null } })).toBe(1);
  });

  it("a role is per workspace: changed in the one named, the last admin counted there, what they made elsewhere kept", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const ada = await createUser({ email: "ada@example.com", password: PASSWORD, role: "ADMIN" });
    await createUser({ email: "bob@example.com", password: PASSWORD, role: "ADMIN" });
    await expect(setUserRole("ada@example.com", "ADMIN", { workspaceId: otherRef.id })).rejects.toThrow(UserNotFoundError);
    await prisma.membership.create({ data: { workspaceId: otherRef.id, userId: ada.id, role: "ADMIN" } });
    const inDefault = await createApiKey(ctx(), { name: "default" }, ada.id);
    const inOther = await createApiKey(otherCtx(prisma, otherRef), { name: "other" }, ada.id);
    // Bob is an admin of Default, but Ada is the other workspace's only one.
    await expect(setUserRole("ada@example.com", "MEMBER", { workspaceId: otherRef.id })).rejects.toThrow(LastAdminError);
    const at = new Date("2026-12-01T10:00:00Z");
    expect(await setUserRole("ada@example.com", "MEMBER", { now: at })).toMatchObject({ role: "MEMBER", revoked: { apiKeys: 1, oauthApps: 0 } });
    expect([await roleOf("ada@example.com"), await roleOf("ada@example.com", otherRef.id)]).toEqual(["MEMBER", "ADMIN"]);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: inDefault.id } })).revokedAt).toEqual(at);
    expect(await authenticateApiKey(inOther.key)).toMatchObject({ id: inOther.id, workspace: otherRef });
    expect((await listUsers()).find((u) => u.email === "ada@example.com")?.memberships).toEqual(
      expect.arrayContaining([
        { slug: "default", role: "MEMBER" },
        { slug: otherRef.slug, role: "ADMIN" },
      ]),
    );
  });
});

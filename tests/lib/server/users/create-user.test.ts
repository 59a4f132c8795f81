import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createUser, UserExistsError } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace } from "../../../helpers/workspace";

const PASSWORD = "a-long-enough-password";

describe.each(TEST_DATABASES)("createUser on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("creates a user with a lower-cased email and only an argon2id hash stored", async () => {
    const user = await createUser({ email: "  Ada@Example.COM ", password: PASSWORD, role: "ADMIN" });
    expect(user).toMatchObject({ email: "ada@example.com", role: "ADMIN" });
    const row = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(row.isOperator).toBe(false);
    expect(await db().prisma.membership.findMany({ where: { userId: user.id }, select: { workspaceId: true, role: true } })).toEqual([
      { workspaceId: DEFAULT_WORKSPACE_ID, role: "ADMIN" },
    ]);
  });

  it("makes the membership in the workspace named, as a member unless told, and an operator only when asked", async () => {
    const other = await createOtherWorkspace(db().prisma);
    const member = await createUser({ email: "m@example.com", password: PASSWORD }, { workspaceId: other.id });
    expect(member).toMatchObject({ role: "MEMBER", isOperator: false });
    expect(await db().prisma.membership.findMany({ where: { userId: member.id }, select: { workspaceId: true, role: true } })).toEqual([
      { workspaceId: other.id, role: "MEMBER" },
    ]);
    const operator = await createUser({ email: "o@example.com", password: PASSWORD, role: "ADMIN" }, { isOperator: true });
    expect(operator).toMatchObject({ role: "ADMIN", isOperator: true });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: operator.id } })).isOperator).toBe(true);
  });

  it("refuses a duplicate email (any case) and a short password, writing nothing", async () => {
    await createUser({ email: "a@example.com", password: PASSWORD });
    await expect(createUser({ email: "A@example.com", password: PASSWORD })).rejects.toThrow(UserExistsError);
    await expect(createUser({ email: "b@example.com", password: "short" })).rejects.toThrow(ZodError);
    expect(await db().prisma.user.count()).toBe(1);
  });
});

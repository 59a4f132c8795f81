import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createUser, UserExistsError } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const PASSWORD = "a-long-enough-password";

describe.each(TEST_DATABASES)("createUser on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("creates a user with a lower-cased email and only an argon2id hash stored", async () => {
    const user = await createUser({ email: "  Ada@Example.COM ", password: PASSWORD, role: "ADMIN" });
    expect(user).toMatchObject({ email: "ada@example.com", role: "ADMIN" });
    const row = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email (any case) and a short password, writing nothing", async () => {
    await createUser({ email: "a@example.com", password: PASSWORD });
    await expect(createUser({ email: "A@example.com", password: PASSWORD })).rejects.toThrow(UserExistsError);
    await expect(createUser({ email: "b@example.com", password: "short" })).rejects.toThrow(ZodError);
    expect(await db().prisma.user.count()).toBe(1);
  });
});

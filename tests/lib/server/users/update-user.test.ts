import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { LoginThrottle } from "@/lib/auth/login-throttle";
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
});

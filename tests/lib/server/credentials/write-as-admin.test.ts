import { describe, expect, it } from "vitest";
import { writeAsAdmin } from "@/lib/server/credentials/write-as-admin";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("writeAsAdmin on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("writes for an admin, and for no creator at all; refuses a member or an unknown user with 409 not_admin, writing nothing", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const member = await createUser({ email: "m@example.com", password: "member-password-1" });
    const write = (name: string, createdById: string | null) => (tx: Parameters<Parameters<typeof writeAsAdmin>[1]>[0]) =>
      tx.apiKey.create({ data: { name, prefix: name, hash: name, createdById } });
    expect(await writeAsAdmin(admin.id, write("a", admin.id))).toMatchObject({ createdById: admin.id });
    expect(await writeAsAdmin(null, write("none", null))).toMatchObject({ createdById: null });
    for (const id of [member.id, MISSING]) {
      await expect(writeAsAdmin(id, write(`by ${id}`, null))).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    }
    expect(await db().prisma.apiKey.count()).toBe(2);
  });

  it("a demotion that starts while the write holds the lock waits for it, and then revokes what it made", async () => {
    const { setUserRole } = await import("@/lib/server/users/update-user");
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    let demotion: Promise<unknown> | undefined;
    await writeAsAdmin(ada.id, async (tx) => {
      demotion = setUserRole("ada@example.com", "MEMBER"); // blocked on ada's row (PostgreSQL) or queued behind this transaction (PGlite)
      await new Promise((resolve) => setTimeout(resolve, 200));
      return tx.apiKey.create({ data: { name: "racing", prefix: "r", hash: "r", createdById: ada.id } });
    });
    expect(await demotion).toMatchObject({ role: "MEMBER", revoked: { apiKeys: 1 } });
    expect(await db().prisma.apiKey.findFirstOrThrow()).toMatchObject({ revokedFor: "creator_not_admin" });
  });
});

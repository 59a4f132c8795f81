import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { writeAsAdmin } from "@/lib/server/credentials/write-as-admin";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";
const EVENT = { action: "api_key.created", target: { type: "api_key", id: null } } as const;

describe.each(TEST_DATABASES)("writeAsAdmin on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("writes for an admin, and for no creator at all; refuses a member or an unknown user with 409 not_admin, writing nothing", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const member = await createUser({ email: "m@example.com", password: "member-password-1" });
    const write = (name: string, createdById: string | null) => (tx: Parameters<Parameters<typeof writeAsAdmin>[2]>[0]) =>
      tx.apiKey.create({ data: { name, prefix: name, hash: name, createdById } });
    expect(await writeAsAdmin(ctx(), admin.id, write("a", admin.id), EVENT)).toMatchObject({ createdById: admin.id });
    expect(await writeAsAdmin(ctx(), null, write("none", null), EVENT)).toMatchObject({ createdById: null });
    for (const id of [member.id, MISSING]) {
      await expect(writeAsAdmin(ctx(), id, write(`by ${id}`, null), EVENT)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    }
    expect(await db().prisma.apiKey.count()).toBe(2);
    // An entry for each write that happened, none for the refused ones: they share one transaction.
    expect(await db().prisma.auditEntry.count({ where: { action: "api_key.created" } })).toBe(2);
  });

  it("checks the role in the context's workspace, and the operator flag when asked", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const other = otherCtx(prisma, otherRef);
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const elsewhere = await createUser({ email: "e@example.com", password: "admin-password-2", role: "ADMIN" }, { workspaceId: otherRef.id });
    const operator = await createUser({ email: "o@example.com", password: "admin-password-3", role: "ADMIN" }, { isOperator: true });
    const write = (name: string) => (tx: Parameters<Parameters<typeof writeAsAdmin>[2]>[0]) => tx.apiKey.create({ data: { name, prefix: name, hash: name } });
    // An admin of another workspace is not one here, and the other way round.
    await expect(writeAsAdmin(ctx(), elsewhere.id, write("e"), EVENT)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    await expect(writeAsAdmin(other, admin.id, write("a"), EVENT)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    expect(await writeAsAdmin(other, elsewhere.id, write("e2"), EVENT)).toMatchObject({ workspaceId: otherRef.id });
    // What needs an operator: an admin who is not one is refused, an operator admin writes.
    await expect(writeAsAdmin(ctx(), admin.id, write("op"), EVENT, { isOperatorNeeded: true })).rejects.toMatchObject({
      kind: "conflict",
      code: "not_operator",
    });
    expect(await writeAsAdmin(ctx(), operator.id, write("op2"), EVENT, { isOperatorNeeded: true })).toMatchObject({ workspaceId: DEFAULT_WORKSPACE_ID });
    expect((await prisma.apiKey.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((k) => k.name)).toEqual(["e2", "op2"]);
  });

  it("a demotion that starts while the write holds the lock waits for it, and then revokes what it made", async () => {
    const { setUserRole } = await import("@/lib/server/users/update-user");
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    let demotion: Promise<unknown> | undefined;
    await writeAsAdmin(
      ctx(),
      ada.id,
      async (tx) => {
        demotion = setUserRole("ada@example.com", "MEMBER"); // blocked on ada's row (PostgreSQL) or queued behind this transaction (PGlite)
        await new Promise((resolve) => setTimeout(resolve, 200));
        return tx.apiKey.create({ data: { name: "racing", prefix: "r", hash: "r", createdById: ada.id } });
      },
      EVENT,
    );
    expect(await demotion).toMatchObject({ role: "MEMBER", revoked: { apiKeys: 1 } });
    expect(await db().prisma.apiKey.findFirstOrThrow()).toMatchObject({ revokedFor: "creator_not_admin" });
  });
});

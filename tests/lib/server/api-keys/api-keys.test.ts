import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey, listApiKeys, restoreApiKey, revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createUser } from "@/lib/server/users/create-user";
import { setUserRole } from "@/lib/server/users/update-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("API keys on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("creates a key shown once, storing only its SHA-256, with its creator's email", async () => {
    const user = await database().prisma.user.create({
      data: { email: "ada@example.com", passwordHash: "x", memberships: { create: { workspaceId: DEFAULT_WORKSPACE_ID, role: "ADMIN" } } },
    });
    const created = await createApiKey(ctx(), { name: "  ci  " }, user.id);
    expect(created).toMatchObject({ name: "ci", createdBy: "ada@example.com", lastUsedAt: null, revokedAt: null });
    expect(created.key).toMatch(/^hkl_[A-Za-z0-9_-]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 10));
    const row = await database().prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it("refuses an empty or too long name, writing nothing", async () => {
    for (const name of ["   ", "x".repeat(101)]) {
      const error = await createApiKey(ctx(), { name }, null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(["name"]);
    }
    expect(await database().prisma.apiKey.count()).toBe(0);
  });

  it("keeps the scopes picked, in catalog order; left out is administrative; a row of an older version's unknown scope is read without it", async () => {
    const picked = await createApiKey(ctx(), { name: "host", scopes: ["deliveries:read", "events:publish", "events:publish"] }, null);
    expect(picked.scopes).toEqual(["events:publish", "deliveries:read"]);
    expect((await createApiKey(ctx(), { name: "old style" }, null)).scopes).toEqual(["administrative"]);
    for (const scopes of [[], ["root"]]) {
      const error = await createApiKey(ctx(), { name: "bad", scopes: scopes as never }, null).catch((e: unknown) => e);
      expect((error as ZodError).issues[0]?.path[0]).toBe("scopes");
    }
    await database().prisma.apiKey.update({ where: { id: picked.id }, data: { scopes: ["events:publish", "future:scope"] } });
    expect((await listApiKeys(ctx())).find((k) => k.id === picked.id)?.scopes).toEqual(["events:publish"]);
    expect(await database().prisma.apiKey.count()).toBe(2);
  });

  it("lists live keys first, newest first, then revoked ones", async () => {
    const db = database().prisma;
    const a = await createApiKey(ctx(), { name: "a" }, null);
    const b = await createApiKey(ctx(), { name: "b" }, null);
    const c = await createApiKey(ctx(), { name: "c" }, null);
    await db.apiKey.update({ where: { id: a.id }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    await db.apiKey.update({ where: { id: b.id }, data: { createdAt: new Date("2026-01-02T00:00:00Z") } });
    await db.apiKey.update({ where: { id: c.id }, data: { createdAt: new Date("2026-01-03T00:00:00Z") } });
    await revokeApiKey(ctx(), c.id, new Date("2026-02-01T00:00:00Z"));
    const list = await listApiKeys(ctx());
    expect(list.map((k) => k.name)).toEqual(["b", "a", "c"]);
    expect(list[2]).toMatchObject({ revokedAt: "2026-02-01T00:00:00.000Z", revokedReason: "by_admin", createdBy: null });
    expect(list[0]).toMatchObject({ revokedAt: null, revokedReason: null });
    expect(JSON.stringify(list)).not.toContain(a.key);
  });

  it("revokes once: a second revocation keeps the first time; an unknown id is not found", async () => {
    const { id } = await createApiKey(ctx(), { name: "k" }, null);
    const first = new Date("2026-03-01T10:00:00Z");
    expect(await revokeApiKey(ctx(), id, first)).toMatchObject({ id, revokedAt: first.toISOString() });
    expect(await revokeApiKey(ctx(), id, new Date("2026-03-02T10:00:00Z"))).toMatchObject({ revokedAt: first.toISOString() });
    await expect(revokeApiKey(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found", code: "not_found" });
    expect(await database().prisma.apiKey.count()).toBe(1);
    expect((await database().prisma.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(first);
  });

  it("a key made by a member, or by nobody who exists, is refused (409 not_admin) and not written", async () => {
    const member = await createUser({ email: "m@example.com", password: "member-password-1" });
    await expect(createApiKey(ctx(), { name: "k" }, member.id)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    await expect(createApiKey(ctx(), { name: "k" }, MISSING)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    expect(await database().prisma.apiKey.count()).toBe(0);
  });

  it("restores a key revoked because its creator is no longer an admin: the same key works, the restorer is its creator, and it ends with their role", async () => {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    await createUser({ email: "cy@example.com", password: "admin-password-3", role: "ADMIN" });
    const { id, key } = await createApiKey(ctx(), { name: "host", scopes: ["events:publish"] }, ada.id);
    await setUserRole("ada@example.com", "MEMBER");
    expect(await authenticateApiKey(key)).toBeNull();

    const restored = await restoreApiKey(ctx(), id, bob.id);
    expect(restored).toMatchObject({ id, revokedAt: null, revokedReason: null, createdBy: "bob@example.com", scopes: ["events:publish"] });
    expect(await authenticateApiKey(key)).toEqual({
      id,
      workspace: { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" },
      scopes: ["events:publish"],
    });
    await expect(restoreApiKey(ctx(), id, bob.id)).rejects.toMatchObject({ kind: "conflict", code: "not_revoked" });
    // Now bob's: it ends when he stops being an admin, and only a member cannot take it back.
    await setUserRole("bob@example.com", "MEMBER");
    expect(await authenticateApiKey(key)).toBeNull();
    await expect(restoreApiKey(ctx(), id, bob.id)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    expect((await database().prisma.apiKey.findUniqueOrThrow({ where: { id } })).revokedFor).toBe("creator_not_admin");
  });

  it("refuses to restore a key an admin revoked (409 naming by_admin) or an unknown one (404); revoking a restorable key makes it final", async () => {
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    const revoked = await createApiKey(ctx(), { name: "revoked" }, ada.id);
    await revokeApiKey(ctx(), revoked.id, new Date("2026-03-01T10:00:00Z"));
    const refusal = await restoreApiKey(ctx(), revoked.id, bob.id).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ kind: "conflict", code: "not_restorable" });
    expect((refusal as Error).message).toContain("by_admin");
    await expect(restoreApiKey(ctx(), MISSING, bob.id)).rejects.toMatchObject({ kind: "not_found" });

    const orphan = await createApiKey(ctx(), { name: "orphan" }, ada.id);
    await setUserRole("ada@example.com", "MEMBER");
    const at = (await database().prisma.apiKey.findUniqueOrThrow({ where: { id: orphan.id } })).revokedAt;
    expect(await revokeApiKey(ctx(), orphan.id)).toMatchObject({ revokedReason: "by_admin", revokedAt: at?.toISOString() });
    await expect(restoreApiKey(ctx(), orphan.id, bob.id)).rejects.toMatchObject({ code: "not_restorable" });
    expect(await authenticateApiKey(orphan.key)).toBeNull();
  });

  it("is its workspace's: an admin elsewhere is no admin here, another workspace neither lists nor revokes it, and only a demotion here ends it", async () => {
    const prisma = database().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const other = otherCtx(prisma, otherRef);
    const ada = await createUser({ email: "ada@example.com", password: "admin-password-1", role: "ADMIN" });
    await createUser({ email: "bob@example.com", password: "admin-password-2", role: "ADMIN" });
    await expect(createApiKey(other, { name: "elsewhere" }, ada.id)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    const mine = await createApiKey(ctx(), { name: "mine" }, ada.id);
    expect(await listApiKeys(other)).toEqual([]);
    await expect(revokeApiKey(other, mine.id)).rejects.toMatchObject({ kind: "not_found" });

    // Ada becomes an admin of the other workspace too, makes a key there, and is then demoted there only.
    await prisma.membership.create({ data: { workspaceId: otherRef.id, userId: ada.id, role: "ADMIN" } });
    await createUser({ email: "cy@example.com", password: "admin-password-3", role: "ADMIN" }, { workspaceId: otherRef.id });
    const theirs = await createApiKey(other, { name: "theirs" }, ada.id);
    expect(await authenticateApiKey(theirs.key)).toMatchObject({ id: theirs.id, workspace: otherRef });
    expect((await setUserRole("ada@example.com", "MEMBER", { workspaceId: otherRef.id })).revoked).toEqual({ apiKeys: 1, oauthApps: 0 });
    expect(await authenticateApiKey(theirs.key)).toBeNull();
    expect(await authenticateApiKey(mine.key)).toMatchObject({ id: mine.id, workspace: { id: DEFAULT_WORKSPACE_ID } });
    expect((await listApiKeys(ctx())).map((k) => [k.name, k.revokedReason])).toEqual([["mine", null]]);
    expect((await listApiKeys(other)).map((k) => [k.name, k.revokedReason])).toEqual([["theirs", "creator_not_admin"]]);
    // Bob, an admin of Default only, cannot restore the other workspace's key, nor see it from Default.
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@example.com" } });
    await expect(restoreApiKey(ctx(), theirs.id, bob.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(restoreApiKey(other, theirs.id, bob.id)).rejects.toMatchObject({ kind: "conflict", code: "not_admin" });
    expect(await authenticateApiKey(theirs.key)).toBeNull();
  });
});

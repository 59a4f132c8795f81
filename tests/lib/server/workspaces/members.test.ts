import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { addMember, listMembers, removeMember } from "@/lib/server/workspaces/members";
import { CREATOR_NOT_ADMIN } from "@/lib/validation/revocation";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createMember, createOtherWorkspace, defaultCtx, installationCtx, otherCtx, refusal } from "../../../helpers/workspace";

const NOW = new Date("2026-12-01T10:00:00Z");

describe.each(TEST_DATABASES)("workspace members on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => installationCtx(database().prisma);
  const keyState = (id: string) => database().prisma.apiKey.findUniqueOrThrow({ where: { id }, select: { revokedAt: true, revokedFor: true } });
  const LIVE = { revokedAt: null, revokedFor: null };
  const REVOKED = { revokedAt: NOW, revokedFor: CREATOR_NOT_ADMIN };

  /** A user who is an admin of Default and of Acme, with an API key made in each, and another admin's key in Acme. */
  async function adminOfTwo() {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    const ada = await createMember(prisma, "ada@example.com", "ADMIN");
    await prisma.membership.create({ data: { workspaceId: acme.id, userId: ada.id, role: "ADMIN" } });
    const bob = await createMember(prisma, "bob@example.com", "ADMIN", { workspaceId: acme.id });
    const acmeCtx = otherCtx(prisma, acme);
    const adaInAcme = await createApiKey(acmeCtx, { name: "ada in acme" }, ada.id);
    const adaInDefault = await createApiKey(await defaultCtx(), { name: "ada in default" }, ada.id);
    const bobInAcme = await createApiKey(acmeCtx, { name: "bob in acme" }, bob.id);
    return { acme, ada, bob, adaInAcme, adaInDefault, bobInAcme };
  }

  describe("listMembers", () => {
    it("lists a workspace's members, oldest membership first, with their role and operator flag, and nobody else's", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const ada = await prisma.user.create({ data: { email: "ada@example.com", name: "Ada", passwordHash: "x", isOperator: true } });
      const bob = await prisma.user.create({ data: { email: "bob@example.com", passwordHash: "x" } });
      await createMember(prisma, "default-only@example.com");
      await prisma.membership.create({ data: { workspaceId: acme.id, userId: bob.id, role: "MEMBER", createdAt: new Date("2026-01-01T00:00:00Z") } });
      await prisma.membership.create({ data: { workspaceId: acme.id, userId: ada.id, role: "ADMIN", createdAt: new Date("2026-02-01T00:00:00Z") } });

      expect(await listMembers(ctx(), "acme")).toEqual([
        { email: "bob@example.com", name: null, isOperator: false, role: "MEMBER", createdAt: "2026-01-01T00:00:00.000Z" },
        { email: "ada@example.com", name: "Ada", isOperator: true, role: "ADMIN", createdAt: "2026-02-01T00:00:00.000Z" },
      ]);
      expect((await listMembers(ctx(), acme.id)).map((m) => m.email)).toEqual(["bob@example.com", "ada@example.com"]);
      expect((await listMembers(ctx(), "default")).map((m) => m.email)).toEqual(["default-only@example.com"]);
    });

    it("an unknown workspace is not found", async () => {
      expect(await refusal(listMembers(ctx(), "nope"))).toMatchObject({ kind: "not_found", message: "Workspace not found" });
    });
  });

  describe("addMember", () => {
    it("adds an existing user with a role, and answers the member", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const user = await prisma.user.create({ data: { email: "new@example.com", name: "New", passwordHash: "x" } });
      const added = await addMember(ctx(), "acme", { email: "new@example.com", role: "MEMBER" }, NOW);
      expect(added).toEqual({ email: "new@example.com", name: "New", isOperator: false, role: "MEMBER", createdAt: expect.any(String) });
      const row = await prisma.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: acme.id, userId: user.id } } });
      expect(row.role).toBe("MEMBER");
      expect(row.createdAt.toISOString()).toBe(added.createdAt);
      expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(1);
    });

    it("refuses an email no user has (invalid, naming the email field) and creates no one", async () => {
      const prisma = database().prisma;
      await createOtherWorkspace(prisma, "acme");
      const error = await refusal(addMember(ctx(), "acme", { email: "ghost@example.com", role: "ADMIN" }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "invalid", code: "validation_failed", issues: [{ path: "email" }] });
      expect((error as Error).message).toContain("ghost@example.com");
      expect(await prisma.user.count({ where: { email: "ghost@example.com" } })).toBe(0);
      expect(await prisma.membership.count()).toBe(0);
    });

    it("an unknown workspace is not found", async () => {
      await createMember(database().prisma, "ada@example.com");
      expect(await refusal(addMember(ctx(), "nope", { email: "ada@example.com", role: "ADMIN" }))).toMatchObject({ kind: "not_found" });
    });

    it("changes the role of a member (the same call), keeping the one membership", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const user = await createMember(prisma, "m@example.com", "MEMBER", { workspaceId: acme.id });
      const key = { workspaceId_userId: { workspaceId: acme.id, userId: user.id } };
      const before = await prisma.membership.findUniqueOrThrow({ where: key });
      expect((await addMember(ctx(), acme.id, { email: "m@example.com", role: "ADMIN" })).role).toBe("ADMIN");
      expect((await prisma.membership.findUniqueOrThrow({ where: key })).role).toBe("ADMIN");
      const demoted = await addMember(ctx(), "acme", { email: "m@example.com", role: "MEMBER" });
      expect(demoted).toMatchObject({ role: "MEMBER", createdAt: before.createdAt.toISOString() });
      expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(1);
    });

    it("a demotion revokes the API keys the user made in that workspace only (creator_not_admin), not theirs elsewhere nor other admins'", async () => {
      const { ada, adaInAcme, adaInDefault, bobInAcme } = await adminOfTwo();
      await addMember(ctx(), "acme", { email: "ada@example.com", role: "MEMBER" }, NOW);
      expect(await keyState(adaInAcme.id)).toEqual(REVOKED);
      expect(await keyState(adaInDefault.id)).toEqual(LIVE);
      expect(await keyState(bobInAcme.id)).toEqual(LIVE);
      const roles = await database().prisma.membership.findMany({ where: { userId: ada.id }, orderBy: { createdAt: "asc" } });
      expect(roles.map((m) => [m.workspaceId === DEFAULT_WORKSPACE_ID ? "default" : "acme", m.role])).toEqual([
        ["default", "ADMIN"],
        ["acme", "MEMBER"],
      ]);
    });

    it("keeping or granting the admin role revokes nothing", async () => {
      const { adaInAcme, adaInDefault } = await adminOfTwo();
      await addMember(ctx(), "acme", { email: "ada@example.com", role: "ADMIN" }, NOW);
      expect(await keyState(adaInAcme.id)).toEqual(LIVE);
      expect(await keyState(adaInDefault.id)).toEqual(LIVE);
    });
  });

  describe("removeMember", () => {
    it("removes the membership and revokes the API keys the user made in that workspace only", async () => {
      const prisma = database().prisma;
      const { acme, ada, adaInAcme, adaInDefault, bobInAcme } = await adminOfTwo();
      await removeMember(ctx(), "acme", "  ADA@Example.com ", NOW);
      expect(await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: acme.id, userId: ada.id } } })).toBeNull();
      expect(await prisma.membership.count({ where: { userId: ada.id, workspaceId: DEFAULT_WORKSPACE_ID } })).toBe(1);
      expect(await keyState(adaInAcme.id)).toEqual(REVOKED);
      expect(await keyState(adaInDefault.id)).toEqual(LIVE);
      expect(await keyState(bobInAcme.id)).toEqual(LIVE);
      expect(await prisma.user.count({ where: { id: ada.id } })).toBe(1);
    });

    it("a user who is not a member there, or no user at all, is not found, and nothing changes", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const ada = await createMember(prisma, "ada@example.com", "ADMIN");
      const adaKey = await createApiKey(await defaultCtx(), { name: "ada" }, ada.id);
      for (const email of ["ada@example.com", "ghost@example.com"]) {
        const error = await refusal(removeMember(ctx(), acme.id, email, NOW));
        expect(error, email).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ kind: "not_found", message: `Member ${email} of Workspace acme not found` });
      }
      expect(await keyState(adaKey.id)).toEqual(LIVE);
      expect(await prisma.membership.count({ where: { userId: ada.id } })).toBe(1);
      expect(await refusal(removeMember(ctx(), "nope", "ada@example.com"))).toMatchObject({ kind: "not_found", message: "Workspace not found" });
    });
  });
});

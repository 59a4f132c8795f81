import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { membershipRole, sessionWorkspace, userWorkspaces } from "@/lib/server/workspaces/memberships";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-00000000beef";
const DEFAULT_REF = { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" };
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe.each(TEST_DATABASES)("memberships on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  /**
   * A user who is, oldest membership first: a MEMBER of Acme (day 1), an ADMIN of Globex (day 2),
   * a MEMBER of Default (day 3) and an ADMIN of Initech (day 4). Umbrella exists; they are not in it.
   */
  async function memberOfMany(prisma: PrismaClient) {
    const acme = await createOtherWorkspace(prisma, "acme");
    const globex = await createOtherWorkspace(prisma, "globex");
    const initech = await createOtherWorkspace(prisma, "initech");
    const umbrella = await createOtherWorkspace(prisma, "umbrella");
    const user = await prisma.user.create({ data: { email: "many@example.com", passwordHash: "x" } });
    for (const [workspaceId, role, day] of [
      [acme.id, "MEMBER", 1],
      [globex.id, "ADMIN", 2],
      [DEFAULT_WORKSPACE_ID, "MEMBER", 3],
      [initech.id, "ADMIN", 4],
    ] as const)
      await prisma.membership.create({ data: { workspaceId, userId: user.id, role, createdAt: at(day) } });
    return { user, acme, globex, initech, umbrella };
  }

  it("membershipRole is the user's role in a workspace, or null where they are not a member", async () => {
    const prisma = database().prisma;
    const { user, acme, globex, umbrella } = await memberOfMany(prisma);
    expect(await membershipRole(prisma, user.id, globex.id)).toBe("ADMIN");
    expect(await membershipRole(prisma, user.id, acme.id)).toBe("MEMBER");
    expect(await membershipRole(prisma, user.id, umbrella.id)).toBeNull();
    const other = await prisma.user.create({ data: { email: "other@example.com", passwordHash: "x" } });
    expect(await membershipRole(prisma, other.id, globex.id)).toBeNull();
  });

  it("userWorkspaces lists the user's workspaces oldest membership first (ties by workspace id), with the role, and no one else's", async () => {
    const prisma = database().prisma;
    const { user, acme, globex, initech } = await memberOfMany(prisma);
    const other = await prisma.user.create({ data: { email: "other@example.com", passwordHash: "x" } });
    await prisma.membership.create({ data: { workspaceId: acme.id, userId: other.id, role: "ADMIN" } });
    expect(await userWorkspaces(prisma, user.id)).toEqual([
      { ...acme, role: "MEMBER" },
      { ...globex, role: "ADMIN" },
      { ...DEFAULT_REF, role: "MEMBER" },
      { ...initech, role: "ADMIN" },
    ]);
    expect(await userWorkspaces(prisma, other.id)).toEqual([{ ...acme, role: "ADMIN" }]);

    // Two memberships made at one instant: the workspace id orders them.
    const tied = await prisma.user.create({ data: { email: "tied@example.com", passwordHash: "x" } });
    const [low, high] = acme.id < globex.id ? [acme, globex] : [globex, acme];
    for (const ws of [high, low]) await prisma.membership.create({ data: { workspaceId: ws.id, userId: tied.id, role: "ADMIN", createdAt: at(9) } });
    expect((await userWorkspaces(prisma, tied.id)).map((w) => w.id)).toEqual([low.id, high.id]);
  });

  describe("sessionWorkspace", () => {
    it("honours a chosen workspace the user administers, even when it is not their first", async () => {
      const prisma = database().prisma;
      const { user, initech } = await memberOfMany(prisma);
      expect(await sessionWorkspace(prisma, user.id, initech.id)).toEqual({ workspace: initech, role: "ADMIN" });
      expect(await sessionWorkspace(prisma, user.id, initech.id.toUpperCase())).toEqual({ workspace: initech, role: "ADMIN" });
    });

    it("without a choice, or with one they are only a member of or not in, falls back to their first workspace as an admin", async () => {
      const prisma = database().prisma;
      const { user, acme, globex, umbrella } = await memberOfMany(prisma);
      const first = { workspace: globex, role: "ADMIN" };
      expect(await sessionWorkspace(prisma, user.id, null)).toEqual(first);
      expect(await sessionWorkspace(prisma, user.id, acme.id)).toEqual(first); // member only there: older, but skipped
      expect(await sessionWorkspace(prisma, user.id, DEFAULT_WORKSPACE_ID)).toEqual(first);
      expect(await sessionWorkspace(prisma, user.id, umbrella.id)).toEqual(first);
      expect(await sessionWorkspace(prisma, user.id, MISSING)).toEqual(first);
    });

    it("a user who is a member only, everywhere, gets their first workspace as a member", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const user = await prisma.user.create({ data: { email: "m@example.com", passwordHash: "x" } });
      await prisma.membership.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, userId: user.id, role: "MEMBER", createdAt: at(2) } });
      await prisma.membership.create({ data: { workspaceId: acme.id, userId: user.id, role: "MEMBER", createdAt: at(1) } });
      expect(await sessionWorkspace(prisma, user.id, DEFAULT_WORKSPACE_ID)).toEqual({ workspace: acme, role: "MEMBER" });
    });

    it("isExact: the named workspace whatever the role, or null when they are not in it (never another)", async () => {
      const prisma = database().prisma;
      const { user, acme, initech, umbrella } = await memberOfMany(prisma);
      expect(await sessionWorkspace(prisma, user.id, acme.id, { isExact: true })).toEqual({ workspace: acme, role: "MEMBER" });
      expect(await sessionWorkspace(prisma, user.id, initech.id, { isExact: true })).toEqual({ workspace: initech, role: "ADMIN" });
      expect(await sessionWorkspace(prisma, user.id, umbrella.id, { isExact: true })).toBeNull();
      expect(await sessionWorkspace(prisma, user.id, MISSING, { isExact: true })).toBeNull();
      expect(await sessionWorkspace(prisma, user.id, null, { isExact: true })).toBeNull();
      expect(await sessionWorkspace(prisma, user.id, "initech", { isExact: true })).toBeNull();
    });

    it("ignores a chosen value that is not a UUID (a forged or stale cookie), without a database error", async () => {
      const prisma = database().prisma;
      const { user, globex, initech } = await memberOfMany(prisma);
      for (const value of ["initech", `${initech.id}x`, "", "' or 1=1 --"])
        expect(await sessionWorkspace(prisma, user.id, value), value).toEqual({ workspace: globex, role: "ADMIN" });
    });

    it("a user of no workspace has none, whatever they chose", async () => {
      const prisma = database().prisma;
      const lone = await prisma.user.create({ data: { email: "lone@example.com", passwordHash: "x", isOperator: true } });
      expect(await sessionWorkspace(prisma, lone.id, null)).toBeNull();
      expect(await sessionWorkspace(prisma, lone.id, DEFAULT_WORKSPACE_ID)).toBeNull();
      expect(await userWorkspaces(prisma, lone.id)).toEqual([]);
    });
  });
});

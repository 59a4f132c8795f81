import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/crypto/tokens";
import { DomainError } from "@/lib/errors/domain-error";
import { createSignInLink, redeemSignInLink, SIGN_IN_LINK_PATH, SignInLinkError } from "@/lib/server/workspaces/sign-in-links";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createMember, createOtherWorkspace, installationCtx, refusal } from "../../../helpers/workspace";

// The HTTP side (status codes, validation of the body, a new admin through the route, a member link
// never demoting, the race of two opens) is in tests/api/workspaces.test.ts; this is the module's own.

const NOW = new Date("2026-12-01T10:00:00.000Z");
const ORIGIN = "https://hooks.example.com";
const tokenOf = (url: string) => url.slice(url.indexOf("#token=") + "#token=".length);

describe.each(TEST_DATABASES)("sign-in links on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => installationCtx(database().prisma);
  const link = (workspace: string, input: { email: string; role: "ADMIN" | "MEMBER"; name?: string; expiresIn?: number }, now = NOW) =>
    createSignInLink(ctx(), workspace, { expiresIn: 300, ...input }, ORIGIN, now);

  describe("createSignInLink", () => {
    it("answers the origin's link page with the token in the fragment, and the expiry expiresIn seconds from now", async () => {
      expect(SIGN_IN_LINK_PATH).toBe("/signin/link");
      const { url, expiresAt } = await link("default", { email: "ada@example.com", role: "ADMIN", expiresIn: 600 });
      expect(url).toMatch(/^https:\/\/hooks\.example\.com\/signin\/link#token=hlsl_[A-Za-z0-9_-]{32}$/);
      expect(new URL(url).search).toBe("");
      expect(expiresAt).toBe("2026-12-01T10:10:00.000Z");
    });

    it("stores only the token's hash, with the workspace, person, role and times; each link has its own token", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const { url } = await link("ACME", { email: "ada@example.com", name: "Ada", role: "MEMBER", expiresIn: 60 });
      const token = tokenOf(url);
      const stored = await prisma.signInLink.findFirstOrThrow();
      expect(stored).toMatchObject({
        workspaceId: acme.id,
        tokenHash: hashApiKey(token),
        email: "ada@example.com",
        name: "Ada",
        role: "MEMBER",
        expiresAt: new Date("2026-12-01T10:01:00.000Z"),
        createdAt: NOW,
        usedAt: null,
      });
      expect(JSON.stringify(stored)).not.toContain(token.slice("hlsl_".length));
      const again = await link(acme.id, { email: "ada@example.com", role: "MEMBER" });
      expect(tokenOf(again.url)).not.toBe(token);
      expect(await prisma.signInLink.count({ where: { workspaceId: acme.id } })).toBe(2);
    });

    it("an unknown workspace is not found, and no link is stored", async () => {
      const error = await refusal(link("nope", { email: "ada@example.com", role: "ADMIN" }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "not_found", message: "Workspace not found" });
      expect(await database().prisma.signInLink.count()).toBe(0);
    });
  });

  describe("redeemSignInLink", () => {
    it("signs a new person in once: creates them (no usable password) with the link's role in its workspace, and marks the link used", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const token = tokenOf((await link("acme", { email: "new@example.com", role: "MEMBER" })).url);
      const at = new Date(NOW.getTime() + 1_000);
      const user = await redeemSignInLink(token, null, at);
      expect(user).toEqual({ id: expect.any(String), email: "new@example.com", name: null, isOperator: false, sessionVersion: 0, workspace: acme });
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } });
      expect(row.passwordHash.length).toBeGreaterThan(20);
      expect(row.memberships.map((m) => [m.workspaceId, m.role])).toEqual([[acme.id, "MEMBER"]]);
      expect((await prisma.signInLink.findFirstOrThrow()).usedAt).toEqual(at);

      const second = await refusal(redeemSignInLink(token, null, at));
      expect(second).toBeInstanceOf(SignInLinkError);
      expect(second).toMatchObject({ reason: "used", name: "SignInLinkError", message: expect.stringContaining("used already") });
      expect(await prisma.user.count({ where: { email: "new@example.com" } })).toBe(1);
    });

    it("an admin link makes an existing member an admin, keeping their account and other memberships", async () => {
      const prisma = database().prisma;
      const acme = await createOtherWorkspace(prisma, "acme");
      const existing = await createMember(prisma, "known@example.com", "MEMBER", { workspaceId: acme.id });
      await prisma.membership.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, userId: existing.id, role: "MEMBER" } });
      const token = tokenOf((await link("acme", { email: "known@example.com", name: "Other Name", role: "ADMIN" })).url);
      const user = await redeemSignInLink(token, null, NOW);
      expect(user).toMatchObject({ id: existing.id, name: null, workspace: { id: acme.id } });
      const roles = await prisma.membership.findMany({ where: { userId: existing.id }, select: { workspaceId: true, role: true } });
      expect(Object.fromEntries(roles.map((m) => [m.workspaceId, m.role]))).toEqual({ [acme.id]: "ADMIN", [DEFAULT_WORKSPACE_ID]: "MEMBER" });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe("x");
    });

    it("refuses a link at or after its expiry as expired, creating no one and leaving it unused", async () => {
      const prisma = database().prisma;
      const token = tokenOf((await link("default", { email: "late@example.com", role: "ADMIN", expiresIn: 60 })).url);
      const expiry = new Date(NOW.getTime() + 60_000);
      for (const at of [expiry, new Date(expiry.getTime() + 1)]) {
        const error = await refusal(redeemSignInLink(token, null, at));
        expect(error).toBeInstanceOf(SignInLinkError);
        expect(error).toMatchObject({ reason: "expired", message: expect.stringContaining("expired") });
      }
      expect(await prisma.user.count({ where: { email: "late@example.com" } })).toBe(0);
      expect((await prisma.signInLink.findFirstOrThrow()).usedAt).toBeNull();
      // One millisecond before its expiry it still works; afterwards it says used, not expired.
      await redeemSignInLink(token, null, new Date(expiry.getTime() - 1));
      expect(await refusal(redeemSignInLink(token, null, new Date(expiry.getTime() + 1)))).toMatchObject({ reason: "used" });
    });

    it("refuses as unknown a token it never gave out, one without the prefix, an over-long one and a non-string", async () => {
      await link("default", { email: "ada@example.com", role: "ADMIN" });
      for (const token of [
        "hlsl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        `hlsl_${"A".repeat(200)}`,
        "",
        42 as unknown as string,
      ]) {
        const error = await refusal(redeemSignInLink(token, null, NOW));
        expect(error, String(token)).toBeInstanceOf(SignInLinkError);
        expect(error).toMatchObject({ reason: "unknown", message: expect.stringContaining("not valid") });
      }
      expect(await database().prisma.user.count({ where: { email: "ada@example.com" } })).toBe(0);
    });
  });
});

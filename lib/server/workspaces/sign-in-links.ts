import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { hashPassword } from "../../auth/password";
import { generateSignInToken, hashApiKey, SIGN_IN_LINK_PREFIX } from "../../crypto/tokens";
import { getDb } from "../../db";
import { auditedInstallationChange, auditSource, writeAuditEntry } from "../../db/audited-change";
import type { TInstallationContext, TWorkspaceRef } from "../../db/workspace-context";
import type { ZSignInLinkCreate } from "../../validation/workspace";
import { requireWorkspace } from "./find-workspace";

// How a host product signs its admins in (as Svix's app portal links do): it mints a link for a
// person and a workspace, and sends their browser there. The token travels in the URL's fragment
// (#token=…), which browsers never send to a server, so no access log or proxy on the way records
// it; the page posts it once. Only its SHA-256 is stored, and the first use marks it used.

/** The page that reads the token from the fragment and signs in with it. */
export const SIGN_IN_LINK_PATH = "/signin/link";

export async function createSignInLink(
  ctx: TInstallationContext,
  idOrSlug: string,
  input: z.output<typeof ZSignInLinkCreate>,
  origin: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const { email, name, role, expiresIn } = input;
  const workspace = await requireWorkspace(ctx.prisma, idOrSlug);
  const token = generateSignInToken();
  const expiresAt = new Date(now.getTime() + expiresIn * 1000);
  await auditedInstallationChange(
    ctx,
    (tx) => tx.signInLink.create({ data: { workspaceId: workspace.id, tokenHash: hashApiKey(token), email, name, role, expiresAt, createdAt: now } }),
    // Never the token: who it is for, the role it gives, until when.
    {
      workspaceId: workspace.id,
      action: "sign_in_link.created",
      target: { type: "user", id: null, name: email },
      changes: { role, expiresAt: expiresAt.toISOString() },
    },
  );
  return { url: `${origin}${SIGN_IN_LINK_PATH}#token=${token}`, expiresAt: expiresAt.toISOString() };
}

export type TLinkRefusal = "unknown" | "used" | "expired";

export class SignInLinkError extends Error {
  constructor(readonly reason: TLinkRefusal) {
    super(
      {
        unknown: "This sign-in link is not valid: it may have been copied incompletely. Ask for a new one.",
        used: "This sign-in link has been used already: each link signs in once. Ask for a new one.",
        expired: "This sign-in link has expired. Ask for a new one.",
      }[reason],
    );
    this.name = "SignInLinkError";
  }
}

export type TLinkedUser = { id: string; email: string; name: string | null; isOperator: boolean; sessionVersion: number; workspace: TWorkspaceRef };

/**
 * Uses a link: in one transaction, marks it used (only if unused and unexpired, so two opens at once
 * cannot both succeed), creates the user when missing (with a random password nobody knows: they
 * sign in by links, or get a password from the CLI), and the membership when missing. An existing
 * member keeps their role unless the link makes them an admin. Throws SignInLinkError when refused.
 */
export async function redeemSignInLink(token: string, address: string | null, now = new Date()): Promise<TLinkedUser> {
  if (typeof token !== "string" || !token.startsWith(SIGN_IN_LINK_PREFIX) || token.length > 200) throw new SignInLinkError("unknown");
  const tokenHash = hashApiKey(token);
  const prisma = await getDb();
  // The slow part (an argon2id hash of a password nobody will know) only for a link that can be
  // used by someone who has no account yet: an unknown, used or expired token costs one lookup.
  const found = await prisma.signInLink.findUnique({ where: { tokenHash }, select: { email: true, usedAt: true, expiresAt: true } });
  if (!found || found.usedAt || found.expiresAt <= now) throw new SignInLinkError(!found ? "unknown" : found.usedAt ? "used" : "expired");
  const isNewUser = (await prisma.user.findUnique({ where: { email: found.email }, select: { id: true } })) === null;
  const unusablePassword = isNewUser ? await hashPassword(randomBytes(32).toString("base64url")) : null;
  return prisma.$transaction(async (tx) => {
    const [link] = await tx.signInLink.updateManyAndReturn({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (!link) {
      const row = await tx.signInLink.findUnique({ where: { tokenHash }, select: { usedAt: true } });
      throw new SignInLinkError(!row ? "unknown" : row.usedAt ? "used" : "expired");
    }
    const select = { id: true, email: true, name: true, isOperator: true, sessionVersion: true } as const;
    const existing = await tx.user.findUnique({ where: { email: link.email }, select });
    // A user made between the check above and now (another link for the same person) keeps theirs;
    // one removed meanwhile gets a password of its own here.
    const passwordHash = existing ? null : (unusablePassword ?? (await hashPassword(randomBytes(32).toString("base64url"))));
    const user = existing ?? (await tx.user.create({ data: { email: link.email, name: link.name, passwordHash: passwordHash as string }, select }));
    const key = { workspaceId_userId: { workspaceId: link.workspaceId, userId: user.id } };
    const member = await tx.membership.findUnique({ where: key, select: { role: true } });
    if (!member) await tx.membership.create({ data: { workspaceId: link.workspaceId, userId: user.id, role: link.role } });
    else if (link.role === "ADMIN" && member.role !== "ADMIN") await tx.membership.update({ where: key, data: { role: "ADMIN" } });
    // As the person the link was for: what it made of them, then the sign-in itself.
    const as = auditSource({ kind: "session", userId: user.id }, address);
    const target = { type: "user", id: user.id, name: user.email };
    if (!existing) await writeAuditEntry(tx, as, null, { action: "user.created", target, changes: { via: "sign-in link" } });
    if (!member) await writeAuditEntry(tx, as, link.workspaceId, { action: "member.added", target, changes: { role: link.role, via: "sign-in link" } });
    else if (link.role === "ADMIN" && member.role !== "ADMIN")
      await writeAuditEntry(tx, as, link.workspaceId, {
        action: "member.role_changed",
        target,
        changes: { role: { from: member.role, to: "ADMIN" }, via: "sign-in link" },
      });
    await writeAuditEntry(tx, as, null, { action: "user.signed_in", target, changes: { via: "sign-in link" } });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: link.workspaceId }, select: { id: true, slug: true, name: true } });
    return { ...user, workspace };
  });
}

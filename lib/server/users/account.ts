import "server-only";
import type { PrismaClient } from "../../db";
import { auditedInstallationChange, type TAuditSource } from "../../db/audited-change";
import { env } from "../../env";
import { DomainError } from "../../errors/domain-error";
import { type TAccount, type TAccountUpdate, ZAccountUpdate } from "../../validation/user";
import { authenticateUser, loginThrottle } from "./authenticate-user";
import { setUserPassword } from "./update-user";

// What a signed-in user does to their own account (Settings → Account). A new password ends every
// session of theirs, this one included: sessions carry the account's sessionVersion
// (lib/auth/session-user.ts), and a changed password moves it on, as "Sign out everywhere" does
// (endSessions, there).

/**
 * Changes the user's own password, once their current one checks out: throttled like a sign-in
 * (a stolen session cannot guess it quickly; TooManyAttemptsError while locked). A wrong current
 * password is a field error on currentPassword.
 */
export async function changeOwnPassword(
  user: { email: string },
  input: { currentPassword: string; newPassword: string },
  source: TAuditSource,
  throttle = loginThrottle(),
): Promise<void> {
  const checked = await authenticateUser({ email: user.email, password: input.currentPassword }, source.address, throttle);
  if (!checked) throw DomainError.invalid("currentPassword", "That is not your current password");
  await setUserPassword(user.email, input.newPassword, source);
}

/** Ends every session of the user (Settings → Account), recorded. */
export async function signOutEverywhere(source: TAuditSource & { prisma: PrismaClient }, user: { id: string; email: string }): Promise<void> {
  await auditedInstallationChange(source, (tx) => tx.user.updateMany({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } }), {
    workspaceId: null,
    action: "user.signed_out_everywhere",
    target: { type: "user", id: user.id, name: user.email },
  });
}

/** Your own settings, and whether email is on at all (SMTP_URL). */
export async function accountSettings(prisma: PrismaClient, userId: string): Promise<TAccount> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, notifyByEmail: true } });
  return { ...user, isEmailOn: Boolean(env().SMTP_URL) };
}

/** Changes your own settings, recorded. */
export async function updateAccount(source: TAuditSource & { prisma: PrismaClient }, user: { id: string }, input: TAccountUpdate): Promise<TAccount> {
  const { notifyByEmail } = ZAccountUpdate.parse(input);
  const before = await accountSettings(source.prisma, user.id);
  await auditedInstallationChange(source, (tx) => tx.user.update({ where: { id: user.id }, data: { notifyByEmail } }), {
    workspaceId: null,
    action: "user.updated",
    target: { type: "user", id: user.id, name: before.email },
    changes: { notifyByEmail: { from: before.notifyByEmail, to: notifyByEmail } },
  });
  return { ...before, notifyByEmail };
}

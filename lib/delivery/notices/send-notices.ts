import "server-only";
import type { PrismaClient } from "../../db";
import { workspaceContext } from "../../db/workspace-context";
import type { Notice } from "../../generated/prisma/client";
import { publishEvent } from "../publish-event";
import type { TMailer } from "./mailer";
import { noticeEmail, noticeEventData, type TNoticeDetails, type TNoticeInput, type TNoticeKind } from "./notice-message";

// Sends the notices the recorder wrote (./notices-sql.ts), from any worker: each is claimed (SKIP
// LOCKED, so two workers never take the same one), published as an operational event (its
// idempotency key is the notice's id, so a retry after a crash publishes it once), emailed unless
// email is off, the admins opted out or the same news about the webhook was emailed within the hour,
// and marked done. An email the server refuses is tried again (a claim lapses after CLAIM_MS), at
// most MAX_TRIES times, then given up with its reason kept on the notice.

const BATCH = 20;
const CLAIM_MS = 120_000;
const MAX_TRIES = 5;
/** One email per webhook and kind of news per this window. */
export const EMAIL_EVERY_MS = 3_600_000;

export type TNoticeSender = {
  db: PrismaClient;
  /** null: email is off (no SMTP_URL). */
  mailer: TMailer | null;
  origin: string;
  log: (message: string) => void;
  now?: () => Date;
};

const HOOKLINE = { kind: "system", reason: "Hookline" } as const;

async function claim(db: PrismaClient, now: Date): Promise<Notice[]> {
  return db.$queryRaw<Notice[]>`
    update "Notice" n set "claimedAt" = ${now}, tries = n.tries + 1
    where n.id in (
      select id from "Notice"
      where "doneAt" is null and ("claimedAt" is null or "claimedAt" < ${new Date(now.getTime() - CLAIM_MS)})
      order by "createdAt" limit ${BATCH}
      for update skip locked)
    returning n.*`;
}

/** The email's outcome: sent, or why not; throws when the server refused it (to be tried again). */
async function email({ db, mailer }: TNoticeSender, notice: Notice, input: TNoticeInput, now: Date): Promise<string> {
  if (!mailer) return "off";
  const recipients = await db.user.findMany({
    where: { notifyByEmail: true, memberships: { some: { workspaceId: notice.workspaceId, role: "ADMIN" } } },
    select: { email: true },
  });
  if (recipients.length === 0) return "no_recipients";
  // Reserve the hour's one email first, so a second notice racing this one sees it taken.
  const reserved = await db.$executeRaw`
    update "Notice" set "emailResult" = 'sent', "emailedAt" = ${now}
    where id = ${notice.id}::uuid and not exists (
      select 1 from "Notice" o
      where o."workspaceId" = ${notice.workspaceId}::uuid and o."webhookId" = ${notice.webhookId}::uuid and o.kind = ${notice.kind}
        and o.id <> ${notice.id}::uuid and o."emailResult" = 'sent' and o."emailedAt" > ${new Date(now.getTime() - EMAIL_EVERY_MS)})`;
  if (reserved === 0) return "rate_limited";
  try {
    await mailer.send({ to: recipients.map((r) => r.email), ...noticeEmail(input) });
    return "sent";
  } catch (error) {
    await db.notice.update({ where: { id: notice.id }, data: { emailResult: null, emailedAt: null } });
    throw error;
  }
}

async function sendOne(sender: TNoticeSender, notice: Notice, now: Date): Promise<void> {
  const { db } = sender;
  const [webhook, workspace] = await Promise.all([
    db.webhook.findUnique({ where: { id: notice.webhookId }, select: { id: true, url: true, description: true } }),
    db.workspace.findUnique({ where: { id: notice.workspaceId }, select: { id: true, slug: true, name: true } }),
  ]);
  if (!webhook || !workspace) {
    // Deleted since: nobody left to tell about it.
    await db.notice.update({ where: { id: notice.id }, data: { doneAt: now, emailResult: "webhook_deleted" } });
    return;
  }
  const input: TNoticeInput = {
    kind: notice.kind as TNoticeKind,
    workspace,
    webhook,
    deliveryId: notice.deliveryId,
    details: notice.details as TNoticeDetails,
    at: notice.createdAt,
    origin: sender.origin,
  };
  const ctx = workspaceContext(db, workspace, HOOKLINE);
  await publishEvent(ctx, { event: `hookline.${notice.kind}`, data: noticeEventData(input), idempotencyKey: `notice-${notice.id}` }, { isOperational: true });
  let result: string;
  try {
    result = await email(sender, notice, input, now);
  } catch (error) {
    const reason = `failed: ${(error as Error).message}`.slice(0, 500);
    if (notice.tries < MAX_TRIES) {
      await db.notice.update({ where: { id: notice.id }, data: { emailResult: reason } });
      sender.log(`notice ${notice.id}: email not sent (${reason}); trying again`);
      return;
    }
    result = reason;
    sender.log(`notice ${notice.id}: email given up after ${notice.tries} tries (${reason})`);
  }
  await db.notice.update({ where: { id: notice.id }, data: { doneAt: now, emailResult: result } });
}

/** Sends what is waiting, a batch at a time; resolves with how many notices it took up. */
export async function sendNotices(sender: TNoticeSender): Promise<number> {
  const now = sender.now?.() ?? new Date();
  let total = 0;
  for (;;) {
    const notices = await claim(sender.db, now);
    for (const notice of notices) {
      try {
        await sendOne(sender, notice, now);
      } catch (error) {
        // One notice's trouble (a database blip) holds up no other; its claim lapses and it is tried again.
        sender.log(`notice ${notice.id} not sent: ${(error as Error).message}`);
      }
    }
    total += notices.length;
    if (notices.length < BATCH) return total;
  }
}

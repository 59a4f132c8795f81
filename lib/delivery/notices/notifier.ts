import "server-only";
import type { PrismaClient } from "../../db";
import { env } from "../../env";
import { startRounds } from "../runtime/rounds";
import { smtpMailer, type TMailer } from "./mailer";
import { sendNotices } from "./send-notices";

/** How often a worker looks for notices to send: news within seconds, an indexed query when idle. */
export const NOTICE_POLL_MS = 2_000;

/** The app's public origin for links in emails and events: HOOKLINE_PUBLIC_URL, NEXTAUTH_URL, or localhost. */
export function linkOrigin(): string {
  const e = env();
  if (e.HOOKLINE_PUBLIC_URL) return e.HOOKLINE_PUBLIC_URL;
  if (e.NEXTAUTH_URL) return new URL(e.NEXTAUTH_URL).origin;
  return `http://localhost:${e.PORT}`;
}

/** The mailer SMTP_URL names, or null: email is off. */
export function configuredMailer(): TMailer | null {
  const e = env();
  return e.SMTP_URL ? smtpMailer(e.SMTP_URL, e.HOOKLINE_MAIL_FROM) : null;
}

/**
 * Sends notices (./send-notices.ts) every NOTICE_POLL_MS until stopped; part of every delivery
 * runtime, so several workers share the work. The returned stop waits for a round in progress.
 */
export function startNotifier({
  db,
  log,
  mailer = configuredMailer(),
  intervalMs = NOTICE_POLL_MS,
}: {
  db: PrismaClient;
  log: (m: string) => void;
  mailer?: TMailer | null;
  intervalMs?: number;
}) {
  const stop = startRounds("notices not sent", () => sendNotices({ db, mailer, origin: linkOrigin(), log }), intervalMs, log);
  return async () => {
    await stop();
    mailer?.close();
  };
}

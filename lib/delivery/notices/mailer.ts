import "server-only";
import nodemailer from "nodemailer";

export type TMail = { to: string[]; subject: string; text: string };
/** Sends one email (to every recipient at once); throws when the server refuses it or cannot be reached. */
export type TMailer = { send: (mail: TMail) => Promise<void>; close: () => void };

/** A mailer over SMTP (nodemailer), `url` smtp:// or smtps:// with user:password@ when needed. */
export function smtpMailer(url: string, from: string, timeoutMs = 15_000): TMailer {
  const transport = nodemailer.createTransport(url, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

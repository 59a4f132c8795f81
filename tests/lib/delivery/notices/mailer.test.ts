import { afterEach, describe, expect, it } from "vitest";
import { smtpMailer } from "@/lib/delivery/notices/mailer";
import { startSmtpServer } from "../../../helpers/smtp";

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await smtp?.close();
});

describe("the SMTP mailer", () => {
  it("sends one message to every recipient through a real SMTP server, from HOOKLINE_MAIL_FROM", async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, "Hookline <hooks@example.com>");
    await mailer.send({ to: ["a@example.com", "b@example.com"], subject: "[Hookline] Webhook disabled: CRM", text: "Open it: https://x → y" });
    mailer.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "hooks@example.com", to: ["a@example.com", "b@example.com"], subject: "[Hookline] Webhook disabled: CRM" });
    expect(smtp.received[0]?.text).toContain("Open it: https://x → y");
  });

  it("throws when the server refuses, so the notice is tried again", async () => {
    smtp = await startSmtpServer();
    smtp.state.refuse = true;
    const mailer = smtpMailer(smtp.url, "hooks@example.com");
    await expect(mailer.send({ to: ["a@example.com"], subject: "s", text: "t" })).rejects.toThrow(/451|try again/);
    mailer.close();
  });
});

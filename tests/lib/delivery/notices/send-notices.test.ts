import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { smtpMailer } from "@/lib/delivery/notices/mailer";
import { EMAIL_EVERY_MS, sendNotices } from "@/lib/delivery/notices/send-notices";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { startSmtpServer } from "../../../helpers/smtp";

const NOW = new Date("2026-12-07T14:00:00Z");

describe.each(TEST_DATABASES)("sending notices on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => smtp.close());

  const logs: string[] = [];
  const sender = (now = NOW, mailer: ReturnType<typeof smtpMailer> | null = smtpMailer(smtp.url, "Hookline <hooks@example.com>")) => ({
    db: db().prisma,
    mailer,
    origin: "https://hooks.example.com",
    log: (m: string) => logs.push(m),
    now: () => now,
  });
  const notice = (
    webhookId: string,
    kind = "webhook.disabled",
    details: object = { reason: "Disabled after 10 failed attempts in a row", lastErrorClass: "timeout" },
  ) => db().prisma.notice.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, webhookId, kind, details, createdAt: NOW } });

  it("emails the admins who want it, and publishes the news to the other webhooks, never to the one it is about", async () => {
    await createUser({ email: "ann@example.com", password: "ann-password-123", role: "ADMIN" });
    const bob = await createUser({ email: "bob@example.com", password: "bob-password-123", role: "ADMIN" });
    await db().prisma.user.update({ where: { id: bob.id }, data: { notifyByEmail: false } });
    await createUser({ email: "member@example.com", password: "member-password-1", role: "MEMBER" });
    const broken = await enabledWebhook("http://127.0.0.1:9/broken", { events: ["*"], description: "CRM sync" });
    const pager = await enabledWebhook("http://127.0.0.1:9/pager", { events: ["hookline.webhook.disabled"] });
    const told = await notice(broken.id);

    expect(await sendNotices(sender())).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ["ann@example.com"], subject: "[Hookline] Webhook disabled: CRM sync" });
    expect(smtp.received[0]?.text).toContain("Last error: Timed out");
    expect(smtp.received[0]?.text).toContain(`https://hooks.example.com/settings/webhooks/${broken.id}`);
    const event = await db().prisma.event.findFirstOrThrow({ where: { type: "hookline.webhook.disabled" } });
    expect(event.payload).toMatchObject({ webhook: { id: broken.id, description: "CRM sync" }, reason: "Disabled after 10 failed attempts in a row" });
    expect((await db().prisma.delivery.findMany({ where: { eventId: event.id } })).map((d) => d.webhookId)).toEqual([pager.id]);
    expect(await db().prisma.notice.findUniqueOrThrow({ where: { id: told.id } })).toMatchObject({ emailResult: "sent", doneAt: NOW });
    // Done: a second round finds nothing.
    expect(await sendNotices(sender())).toBe(0);
  });

  it("one email per webhook and kind of news an hour; the events all go out", async () => {
    await createUser({ email: "ann@example.com", password: "ann-password-123", role: "ADMIN" });
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await notice(hook.id, "delivery.failed", { event: "deals.created", attempts: 4 });
    await sendNotices(sender());
    await notice(hook.id, "delivery.failed", { event: "deals.created", attempts: 4 });
    await notice(hook.id, "webhook.failing", { failures: 5, failureLimit: 10 }); // another kind: its own email
    await sendNotices(sender(new Date(NOW.getTime() + 60_000)));
    expect(logs).toEqual([]);
    expect(smtp.received.map((m) => m.subject.split(":")[0])).toEqual(["[Hookline] Delivery failed", "[Hookline] Webhook failing"]);
    expect((await db().prisma.notice.findMany({ orderBy: { createdAt: "asc" } })).map((n) => n.emailResult).sort()).toEqual(["rate_limited", "sent", "sent"]);
    expect(await db().prisma.event.count({ where: { type: { startsWith: "hookline." } } })).toBe(3);
    // An hour on, the same news is emailed again.
    await notice(hook.id, "delivery.failed", { event: "deals.created", attempts: 4 });
    await sendNotices(sender(new Date(NOW.getTime() + EMAIL_EVERY_MS + 1_000)));
    expect(smtp.received).toHaveLength(3);
  });

  it("without SMTP the news is still published, the notice says email is off; a refused email is tried again", async () => {
    await createUser({ email: "ann@example.com", password: "ann-password-123", role: "ADMIN" });
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const off = await notice(hook.id);
    await sendNotices(sender(NOW, null));
    expect(await db().prisma.notice.findUniqueOrThrow({ where: { id: off.id } })).toMatchObject({ emailResult: "off", doneAt: NOW });
    expect(await db().prisma.event.count({ where: { type: "hookline.webhook.disabled" } })).toBe(1);

    smtp.state.refuse = true;
    const refused = await notice(hook.id, "webhook.failing", { failures: 5, failureLimit: 10 });
    await sendNotices(sender());
    expect(await db().prisma.notice.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({
      doneAt: null,
      emailResult: expect.stringMatching(/^failed: /),
    });
    smtp.state.refuse = false;
    // Its claim lapses, and the next round sends it; its event is published once, not twice.
    await sendNotices(sender(new Date(NOW.getTime() + 180_000)));
    expect(await db().prisma.notice.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ emailResult: "sent" });
    expect(smtp.received).toHaveLength(1);
    expect(await db().prisma.event.count({ where: { type: "hookline.webhook.failing" } })).toBe(1);
  });

  it("a notice about a webhook deleted since is closed without a word", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const told = await notice(hook.id);
    await defaultWorkspaceContext(db().prisma).db.webhook.delete({ where: { id: hook.id } });
    await sendNotices(sender());
    expect(await db().prisma.notice.findUniqueOrThrow({ where: { id: told.id } })).toMatchObject({ emailResult: "webhook_deleted" });
    expect(smtp.received).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { smtpMailer } from "@/lib/delivery/notices/mailer";
import { linkOrigin, startNotifier } from "@/lib/delivery/notices/notifier";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../../../helpers/delivery";
import { startReceiver } from "../../../helpers/receiver";
import { startSmtpServer } from "../../../helpers/smtp";
import { configureEnv, unstubEnvAfterEach } from "../../../helpers/stub-env";
import { until } from "../../../helpers/until";

unstubEnvAfterEach();

describe("links in notices", () => {
  it("use HOOKLINE_PUBLIC_URL, else NEXTAUTH_URL's origin, else localhost and PORT", () => {
    configureEnv({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com", NEXTAUTH_URL: "" });
    expect(linkOrigin()).toBe("https://hooks.example.com");
    configureEnv({ HOOKLINE_PUBLIC_URL: "", NEXTAUTH_URL: "https://app.example.com/api/auth" });
    expect(linkOrigin()).toBe("https://app.example.com");
    configureEnv({ HOOKLINE_PUBLIC_URL: "", NEXTAUTH_URL: "", PORT: "4100" });
    expect(linkOrigin()).toBe("http://localhost:4100");
  });
});

describe.each(TEST_DATABASES)("being told, end to end, on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it("a receiver that answers 410: the worker disables the webhook, and within seconds the admin has an email and the other webhook the event", async () => {
    const smtp = await startSmtpServer();
    const gone = await startReceiver((_q, res) => {
      res.statusCode = 410;
      res.end("gone");
    });
    const pager = await startReceiver((_q, res) => res.end("ok"));
    stops.push(smtp.close, gone.close, pager.close);
    await createUser({ email: "ann@example.com", password: "ann-password-123", role: "ADMIN" });
    const broken = await enabledWebhook(`${gone.url}/h`, { events: ["deals.created"], description: "Gone CRM" });
    await enabledWebhook(`${pager.url}/p`, { events: ["hookline.webhook.disabled"] });
    const worker = new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} });
    worker.start();
    stops.push(() => worker.stop());
    const stopNotifier = startNotifier({ db: db().prisma, log: () => {}, mailer: smtpMailer(smtp.url, "hooks@example.com"), intervalMs: 50 });
    stops.push(stopNotifier);

    await publishEvent(defaultWorkspaceContext(db().prisma), { event: "deals.created", data: {} });
    // A 410 is two pieces of news: the webhook is disabled, and the delivery failed for good (no retry).
    await until(() => smtp.received.length === 2, 10_000, "the emails");
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(["[Hookline] Delivery failed: Gone CRM", "[Hookline] Webhook disabled: Gone CRM"]);
    expect(smtp.received.every((m) => m.to.join() === "ann@example.com")).toBe(true);
    expect(smtp.received.find((m) => m.subject.includes("disabled"))?.text).toContain("The receiver answered 410 Gone");
    await until(() => pager.received.length === 1, 10_000, "the operational event");
    expect(JSON.parse(pager.received[0]?.body ?? "{}")).toMatchObject({ event: "hookline.webhook.disabled", data: { webhook: { id: broken.id } } });
    // Told once: the gone receiver got its one delivery, and nothing about itself.
    expect(gone.received).toHaveLength(1);
  });
});

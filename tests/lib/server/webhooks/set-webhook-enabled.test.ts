import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { disableWebhook, enableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("enableWebhook and disableWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const row = (id: string) => database().prisma.webhook.findUniqueOrThrow({ where: { id } });
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it("enables after a test ping succeeds, resetting the failure count and reason", async () => {
    receiver = await startReceiver();
    const { id } = await createWebhook(ctx(), { url: `${receiver.url}/on`, events: ["deals.created"] });
    await database().prisma.webhook.update({
      where: { id },
      data: {
        consecutiveFailures: 10,
        disabledReason: "10 consecutive failed deliveries",
        disabledAt: new Date(),
        enableError: "Not enabled: …",
        enableErrorAt: new Date(),
      },
    });
    expect(await enableWebhook(ctx(), id)).toMatchObject({ id, enabled: true, status: "working", consecutiveFailures: 0, disabledReason: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ method: "POST", url: "/on", headers: { event: "ping" } });
    expect(await row(id)).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
      enableError: null,
      enableErrorAt: null,
    });
    // Enabling one that is on sends nothing.
    expect(await enableWebhook(ctx(), id)).toMatchObject({ enabled: true });
    expect(receiver.received).toHaveLength(1);
  });

  it("refuses to enable when the test fails, keeping only why; an unknown id changes nothing", async () => {
    receiver = await startReceiver((_req, res) => {
      res.statusCode = 500;
      res.end("boom");
    });
    const { id } = await createWebhook(ctx(), { url: `${receiver.url}/fail`, events: ["deals.created"] });
    await database().prisma.webhook.update({ where: { id }, data: { consecutiveFailures: 4, disabledReason: "The receiver answered 410 Gone" } });
    const before = await row(id);
    await expect(enableWebhook(ctx(), id)).rejects.toMatchObject({
      kind: "rejected",
      code: "test_failed",
      message: "Not enabled: the test delivery failed (the URL answered HTTP 500)",
    });
    expect(receiver.received).toHaveLength(1);
    // Only why is kept, to show until it is enabled or its URL changes.
    expect(await row(id)).toEqual({
      ...before,
      enableError: "Not enabled: the test delivery failed (the URL answered HTTP 500)",
      enableErrorAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    await expect(enableWebhook(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    await expect(disableWebhook(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    expect(await database().prisma.webhook.count()).toBe(1);
  });

  it("disables at once; disabling one that is off keeps why Hookline disabled it", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/off", events: ["deals.created"] });
    await database().prisma.webhook.update({ where: { id }, data: { enabled: true, disabledReason: "stale" } });
    expect(await disableWebhook(ctx(), id)).toMatchObject({ enabled: false, status: "disabled", disabledReason: null });
    const off = await row(id);
    expect(off.disabledAt).toBeInstanceOf(Date);
    await database().prisma.webhook.update({ where: { id }, data: { disabledReason: "10 consecutive failed deliveries" } });
    expect(await disableWebhook(ctx(), id)).toMatchObject({ enabled: false, disabledReason: "10 consecutive failed deliveries" });
    expect((await row(id)).disabledAt).toEqual(off.disabledAt);
  });
});

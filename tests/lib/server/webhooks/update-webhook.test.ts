import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { openSecret } from "@/lib/delivery/webhook-secrets";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";
import { zodPath } from "../../../helpers/refusals";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("updateWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const row = (id: string) => database().prisma.webhook.findUniqueOrThrow({ where: { id } });

  it("changes only the fields given; a new URL without a password clears the stored one", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/a", events: ["deals.created"], httpUser: "bob", httpPassword: "pw-1" });
    const renamed = await updateWebhook(ctx(), id, { description: "CRM", events: ["*"], maxInFlight: 2, rateLimitPerSecond: 5 });
    expect(renamed).toMatchObject({
      description: "CRM",
      events: ["*"],
      url: "http://127.0.0.1:9/a",
      httpUser: "bob",
      hasHttpPassword: true,
      maxInFlight: 2,
      rateLimitPerSecond: 5,
    });
    expect(await row(id)).toMatchObject({ allEvents: true, events: [] });
    // The same URL spelled differently is the same receiver: the password stays.
    expect(await updateWebhook(ctx(), id, { url: "HTTP://127.0.0.1:9/a" })).toMatchObject({ hasHttpPassword: true });
    expect(await updateWebhook(ctx(), id, { url: "http://127.0.0.1:9/b" })).toMatchObject({
      url: "http://127.0.0.1:9/b",
      httpUser: "bob",
      hasHttpPassword: false,
    });
    const withPassword = await updateWebhook(ctx(), id, { httpPassword: "pw-2" });
    expect(withPassword.hasHttpPassword).toBe(true);
    const stored = (await row(id)).httpPasswordCiphertext;
    expect(stored && openSecret(stored)).toBe("pw-2");
    // Clearing the user clears the password with it.
    expect(await updateWebhook(ctx(), id, { httpUser: null })).toMatchObject({ httpUser: null, hasHttpPassword: false });
    expect((await row(id)).httpPasswordCiphertext).toBeNull();
  });

  it("refuses an unknown id, bad input, unknown references, a blocked URL and a password without a user, changing nothing", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/a", events: ["deals.created"] });
    const before = await row(id);
    await expect(updateWebhook(ctx(), MISSING, { description: "x" })).rejects.toMatchObject({ kind: "not_found" });
    expect(await zodPath(updateWebhook(ctx(), id, { url: "not a url" }))).toEqual(["url"]);
    expect(await zodPath(updateWebhook(ctx(), id, { maxInFlight: 0 }))).toEqual(["maxInFlight"]);
    expect(await zodPath(updateWebhook(ctx(), id, { httpUser: null, httpPassword: "pw" }))).toEqual(["httpUser"]);
    await expect(updateWebhook(ctx(), id, { description: "x", events: ["nope", "deals.created", "nope2"] })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "events.0" }, { path: "events.2" }],
    });
    await expect(updateWebhook(ctx(), id, { description: "x", projects: ["ghost"] })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "projects.0" }],
    });
    await expect(updateWebhook(ctx(), id, { description: "x", url: "http://169.254.169.254/latest" })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "url" }],
    });
    // The stored webhook has no user, so a password alone would never be sent.
    await expect(updateWebhook(ctx(), id, { description: "x", httpPassword: "pw" })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "httpUser" }] });
    expect(await row(id)).toEqual(before);
  });

  it("an enabled webhook's new URL is tested first: a failure saves nothing (422), unless the same request disables it", async () => {
    const good = await startReceiver((_q, res) => res.end("ok"));
    const bad = await startReceiver((_q, res) => {
      res.statusCode = 500;
      res.end("down");
    });
    try {
      const { id } = await createWebhook(ctx(), { url: `${good.url}/a`, events: ["deals.created"], httpUser: "bob", httpPassword: "pw-1" });
      await database().prisma.webhook.update({ where: { id }, data: { enabled: true } });
      const before = await row(id);

      await expect(updateWebhook(ctx(), id, { url: `${bad.url}/b`, description: "moved" })).rejects.toMatchObject({
        kind: "rejected",
        code: "test_failed",
        message: "Not saved: the test delivery to the new URL failed (the URL answered HTTP 500)",
      });
      expect(await row(id)).toEqual(before);
      // Tested as it would be sent after saving: the user kept, the old URL's password not sent to the new one.
      expect(bad.received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from("bob:").toString("base64")}`);

      const disabled = await updateWebhook(ctx(), id, { url: `${bad.url}/b`, enabled: false });
      expect(disabled).toMatchObject({ url: `${bad.url}/b`, enabled: false, status: "disabled" });
      expect((await row(id)).disabledReason).toBeNull();

      // A disabled webhook's URL is not tested (enabling will), an enabled one's working URL saves.
      const tests = bad.received.length;
      await updateWebhook(ctx(), id, { url: `${bad.url}/c` });
      expect(bad.received.length).toBe(tests);
      await database().prisma.webhook.update({ where: { id }, data: { enabled: true } });
      expect(await updateWebhook(ctx(), id, { url: `${good.url}/d`, httpPassword: "pw-2" })).toMatchObject({ url: `${good.url}/d`, enabled: true });
      expect(good.received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from("bob:pw-2").toString("base64")}`);
      // The same URL respelled is no new URL: no test.
      const sent = good.received.length;
      await updateWebhook(ctx(), id, { url: `${good.url.toUpperCase().replace("HTTP", "http")}/d`, description: "same" });
      expect(good.received.length).toBe(sent);
      expect(await zodPath(updateWebhook(ctx(), id, { enabled: true } as never))).toEqual(["enabled"]);
    } finally {
      await good.close();
      await bad.close();
    }
  });
});

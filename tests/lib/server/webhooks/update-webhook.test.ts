import { describe, expect, it } from "vitest";
import { openSecret } from "@/lib/delivery/webhook-secrets";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { zodPath } from "../../../helpers/refusals";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("updateWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const row = (id: string) => database().prisma.webhook.findUniqueOrThrow({ where: { id } });

  it("changes only the fields given; a new URL without a password clears the stored one", async () => {
    const { id } = await createWebhook({ url: "http://127.0.0.1:9/a", events: ["deals.created"], httpUser: "bob", httpPassword: "pw-1" });
    const renamed = await updateWebhook(id, { description: "CRM", events: ["*"], maxInFlight: 2, rateLimitPerSecond: 5 });
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
    expect(await updateWebhook(id, { url: "HTTP://127.0.0.1:9/a" })).toMatchObject({ hasHttpPassword: true });
    expect(await updateWebhook(id, { url: "http://127.0.0.1:9/b" })).toMatchObject({ url: "http://127.0.0.1:9/b", httpUser: "bob", hasHttpPassword: false });
    const withPassword = await updateWebhook(id, { httpPassword: "pw-2" });
    expect(withPassword.hasHttpPassword).toBe(true);
    const stored = (await row(id)).httpPasswordCiphertext;
    expect(stored && openSecret(stored)).toBe("pw-2");
    // Clearing the user clears the password with it.
    expect(await updateWebhook(id, { httpUser: null })).toMatchObject({ httpUser: null, hasHttpPassword: false });
    expect((await row(id)).httpPasswordCiphertext).toBeNull();
  });

  it("refuses an unknown id, bad input, unknown references, a blocked URL and a password without a user, changing nothing", async () => {
    const { id } = await createWebhook({ url: "http://127.0.0.1:9/a", events: ["deals.created"] });
    const before = await row(id);
    await expect(updateWebhook(MISSING, { description: "x" })).rejects.toMatchObject({ kind: "not_found" });
    expect(await zodPath(updateWebhook(id, { url: "not a url" }))).toEqual(["url"]);
    expect(await zodPath(updateWebhook(id, { maxInFlight: 0 }))).toEqual(["maxInFlight"]);
    expect(await zodPath(updateWebhook(id, { httpUser: null, httpPassword: "pw" }))).toEqual(["httpUser"]);
    await expect(updateWebhook(id, { description: "x", events: ["nope", "deals.created", "nope2"] })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "events.0" }, { path: "events.2" }],
    });
    await expect(updateWebhook(id, { description: "x", projects: ["ghost"] })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "projects.0" }] });
    await expect(updateWebhook(id, { description: "x", url: "http://169.254.169.254/latest" })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "url" }],
    });
    // The stored webhook has no user, so a password alone would never be sent.
    await expect(updateWebhook(id, { description: "x", httpPassword: "pw" })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "httpUser" }] });
    expect(await row(id)).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { teamworkSignature } from "@/lib/delivery/sign-payload";
import { openSecret } from "@/lib/delivery/webhook-secrets";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";
import { zodPath } from "../../../helpers/refusals";

describe.each(TEST_DATABASES)("createWebhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("creates a disabled webhook, returning its token once and storing secrets sealed", async () => {
    await database().prisma.project.create({ data: { id: "p1", name: "P1" } });
    const created = await createWebhook(ctx(), {
      url: " http://127.0.0.1:9/hooks ",
      events: ["deals.created", "deals.created", "deals.updated"],
      projects: ["p1"],
      token: "my-own-token-0123456789",
      httpUser: "bob",
      httpPassword: "hunter2-password",
      maxInFlight: 3,
    });
    expect(created).toMatchObject({
      url: "http://127.0.0.1:9/hooks",
      events: ["deals.created", "deals.updated"],
      projects: ["p1"],
      enabled: false,
      status: "disabled",
      httpUser: "bob",
      hasHttpPassword: true,
      maxInFlight: 3,
      rateLimitPerSecond: null,
      failureLimit: 10,
      token: "my-own-token-0123456789",
    });
    const row = await database().prisma.webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenCiphertext).not.toContain("my-own-token");
    expect(openSecret(row.tokenCiphertext)).toBe("my-own-token-0123456789");
    expect(row.httpPasswordCiphertext && openSecret(row.httpPasswordCiphertext)).toBe("hunter2-password");
  });

  it("stores all events as a flag and generates a whsec_ token when none is given", async () => {
    const created = await createWebhook(ctx(), { url: "http://127.0.0.1:9/all", events: ["deals.created", "*"] });
    expect(created.events).toEqual(["*"]);
    expect(created.token).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await database().prisma.webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ allEvents: true, events: [], httpUser: null, httpPasswordCiphertext: null });
  });

  it("refuses bad input, unknown events and projects and a blocked target, writing nothing", async () => {
    const ok = { url: "http://127.0.0.1:9/x", events: ["deals.created"] };
    expect(await zodPath(createWebhook(ctx(), { ...ok, url: "ftp://127.0.0.1/x" }))).toEqual(["url"]);
    expect(await zodPath(createWebhook(ctx(), { ...ok, events: [] }))).toEqual(["events"]);
    expect(await zodPath(createWebhook(ctx(), { ...ok, token: "short" }))).toEqual(["token"]);
    expect(await zodPath(createWebhook(ctx(), { ...ok, httpPassword: "pw" }))).toEqual(["httpUser"]);
    await expect(createWebhook(ctx(), { ...ok, events: ["deals.created", "no.such.event"] })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "events.1", message: 'Unknown event type "no.such.event"' }],
    });
    await expect(createWebhook(ctx(), { ...ok, projects: ["ghost"] })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "projects.0" }] });
    // An IP literal is vetted without any lookup or connection.
    await expect(createWebhook(ctx(), { ...ok, url: "http://10.0.0.1/x" })).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "url" }] });
    expect(await database().prisma.webhook.count()).toBe(0);
  });

  it("mustPassTest: created enabled once the test passes with its own token and credentials; nothing written when it fails", async () => {
    const receiver = await startReceiver((req, res) => {
      res.statusCode = req.url === "/ok" ? 200 : 500;
      res.end();
    });
    try {
      const created = await createWebhook(
        ctx(),
        { url: `${receiver.url}/ok`, events: ["post_task"], token: "chosen-token-0123456789", httpUser: "u", httpPassword: "p" },
        { mustPassTest: true },
      );
      expect(created).toMatchObject({ enabled: true, status: "working" });
      const ping = receiver.received[0];
      expect(ping?.headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
      expect(ping?.headers.signature).toBe(teamworkSignature("chosen-token-0123456789", ping?.body ?? ""));
      await expect(createWebhook(ctx(), { url: `${receiver.url}/down`, events: ["post_task"] }, { mustPassTest: true })).rejects.toMatchObject({
        kind: "rejected",
        code: "test_failed",
      });
      expect(await database().prisma.webhook.count()).toBe(1);
      // Refused before any request when the input is wrong.
      await expect(createWebhook(ctx(), { url: `${receiver.url}/ok`, events: ["nope"] }, { mustPassTest: true })).rejects.toMatchObject({ kind: "invalid" });
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});

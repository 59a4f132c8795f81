import { afterEach, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/webhooks/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { runWebhookTest } from "@/lib/server/webhooks/test-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call } from "../helpers/routes";

// A webhook's own headers, end to end: saved through the API, stored with secrets sealed, sent by the
// worker to a real receiver, shown masked in the attempt's log.

describe.each(TEST_DATABASES)("custom headers on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it("arrive on every delivery and test; a secret is sealed in the row and masked in the log", async () => {
    const receiver = await startReceiver((_req, res) => res.end("ok"));
    receivers.push(receiver);
    const hook = await enabledWebhook(`${receiver.url}/hook`, {
      headers: [
        { name: "X-Tenant", value: "acme" },
        { name: "X-Api-Key", value: "sk_live_very_secret", isSecret: true },
      ],
    });
    expect(hook.headers).toEqual([
      { name: "X-Tenant", value: "acme", isSecret: false },
      { name: "X-Api-Key", value: null, isSecret: true },
    ]);
    const row = await db().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(JSON.stringify(row.customHeaders)).not.toContain("sk_live_very_secret");

    await publishEvent(ctx(), { event: "deals.created", data: { id: 1, title: "t" } });
    await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();
    const [delivered] = receiver.received;
    expect(delivered?.headers).toMatchObject({ "x-tenant": "acme", "x-api-key": "sk_live_very_secret", "content-type": "application/json" });
    const attempt = await db().prisma.attempt.findFirstOrThrow();
    expect(attempt.requestHeaders).toMatchObject({ "X-Tenant": "acme", "X-Api-Key": "••••••" });
    expect(JSON.stringify(attempt.requestHeaders)).not.toContain("sk_live_very_secret");

    // Test sends them too: secrets only to the saved URL.
    await runWebhookTest(ctx(), hook.id);
    expect(receiver.received[1]?.headers).toMatchObject({ "x-api-key": "sk_live_very_secret", event: "ping" });
    await runWebhookTest(ctx(), hook.id, { url: `${receiver.url}/elsewhere` });
    expect(receiver.received[2]?.headers).toMatchObject({ "x-tenant": "acme" });
    expect(receiver.received[2]?.headers).not.toHaveProperty("x-api-key");
  });

  it("an edit keeps a secret sent without its value, but a new URL needs it typed again", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/hook", { headers: [{ name: "X-Api-Key", value: "one", isSecret: true }] });
    const kept = await updateWebhook(ctx(), hook.id, {
      headers: [
        { name: "X-Api-Key", isSecret: true },
        { name: "X-New", value: "n" },
      ],
    });
    expect(kept.headers).toEqual([
      { name: "X-Api-Key", value: null, isSecret: true },
      { name: "X-New", value: "n", isSecret: false },
    ]);
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    await expect(updateWebhook(ctx(), hook.id, { url: "http://127.0.0.1:9/other" })).rejects.toMatchObject({
      issues: [{ path: "headers.0.value", message: "Type the secret value of X-Api-Key again: secrets are only sent to the URL they were given for" }],
    });
    const moved = await updateWebhook(ctx(), hook.id, { url: "http://127.0.0.1:9/other", headers: [{ name: "X-Api-Key", value: "two", isSecret: true }] });
    expect(moved.url).toBe("http://127.0.0.1:9/other");
    const audit = await db().prisma.auditEntry.findMany({ where: { action: "webhook.updated" }, orderBy: { at: "asc" } });
    expect(audit[0]?.changes).toMatchObject({ customHeaders: { from: ["X-Api-Key: ••••••"], to: ["X-Api-Key: ••••••", "X-New: n"] } });
    expect(JSON.stringify(audit)).not.toMatch(/"one"|"two"/);
  });

  it("the API refuses Hookline's own names and Authorization beside basic auth, naming the header, writing nothing", async () => {
    const key = await adminKey();
    const create = (body: Record<string, unknown>) => call(createRoute, { method: "POST", key, body: { url: "http://127.0.0.1:9/h", events: ["*"], ...body } });
    const signature = await create({
      headers: [
        { name: "X-Ok", value: "1" },
        { name: "Signature", value: "forged" },
      ],
    });
    expect(signature).toMatchObject({ status: 400, json: { error: { issues: [{ path: "headers.1.name" }] } } });
    const auth = await create({ httpUser: "bob", httpPassword: "pw", headers: [{ name: "Authorization", value: "Bearer x" }] });
    expect(auth).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "headers.0.name", message: expect.stringMatching(/^Authorization is set by Hookline/) }] } },
    });
    const crlf = await create({ headers: [{ name: "X-A", value: "a\r\nX-B: b" }] });
    expect(crlf).toMatchObject({ status: 400, json: { error: { issues: [{ path: "headers.0.value" }] } } });
    expect(await db().prisma.webhook.count()).toBe(0);
    // Without basic auth, Authorization is the webhook's to send (a bearer token its gateway wants).
    expect((await create({ headers: [{ name: "Authorization", value: "Bearer t", isSecret: true }] })).status).toBe(201);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { catalogModel } from "@/lib/db/event-examples";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { teamworkSignature } from "@/lib/delivery/sign-payload";
import { replayWebhook } from "@/lib/server/deliveries/replay-webhook";
import { createEventType } from "@/lib/server/event-types/event-types";
import { getOverview } from "@/lib/server/overview/get-overview";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { runWebhookTest } from "@/lib/server/webhooks/test-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";
import { adminKey, call } from "../../../helpers/routes";

describe.each(TEST_DATABASES)("Send example on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it("sends the type's example signed like a delivery, and keeps it in the log as a test delivery", async () => {
    const receiver = await startReceiver((_req, res) => res.end("thanks"));
    receivers.push(receiver);
    const token = "example-token-0123456789";
    const hook = await createWebhook(ctx(), { url: `${receiver.url}/hook`, events: ["deals.created"], token, httpUser: "bob", httpPassword: "pw" });
    const result = await runWebhookTest(ctx(), hook.id, { event: "deals.created" });
    expect(result).toMatchObject({ ok: true, status: 200, event: "deals.created", responseSnippet: "thanks" });
    const [request] = receiver.received;
    const body = JSON.parse(request?.body ?? "{}");
    expect(body).toMatchObject({ event: "deals.created", projectId: null, data: catalogModel({ name: "deals.created", group: "Teamwork CRM" })?.example });
    expect(request?.headers).toMatchObject({ event: "deals.created", delivery: result.deliveryId, signature: teamworkSignature(token, request?.body ?? "") });
    expect(request?.headers.authorization).toMatch(/^Basic /);

    const delivery = await database().prisma.delivery.findUniqueOrThrow({ where: { id: result.deliveryId }, include: { event: true, attempts: true } });
    expect(delivery).toMatchObject({
      webhookId: hook.id,
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 200,
      event: { isTest: true, type: "deals.created", id: body.id },
    });
    expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, trigger: "test", statusCode: 200, responseBody: "thanks" })]);
    expect(((delivery.attempts[0]?.requestHeaders ?? {}) as Record<string, string>).Authorization).toBe("Basic ••••••");
    const audit = await database().prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.tested" } });
    expect(audit.changes).toMatchObject({ event: "deals.created", ok: true, deliveryId: result.deliveryId });
  });

  it("a failing example is a failed test: not retried, not counted against the webhook, not replayed, not in the overview's events", async () => {
    const receiver = await startReceiver((_req, res) => {
      res.statusCode = 500;
      res.end("no");
    });
    receivers.push(receiver);
    const hook = await createWebhook(ctx(), { url: `${receiver.url}/hook`, events: ["*"] });
    const result = await runWebhookTest(ctx(), hook.id, { event: "post_task" });
    expect(result).toMatchObject({ ok: false, status: 500, errorClass: "http_status" });
    expect(await database().prisma.delivery.findUniqueOrThrow({ where: { id: result.deliveryId } })).toMatchObject({
      status: "failed",
      completedAt: expect.any(Date),
    });
    expect(await database().prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ consecutiveFailures: 0, lastFailureAt: null });
    expect(await replayWebhook(ctx(), hook.id, { since: "2000-01-01T00:00:00Z" })).toEqual({ requeued: 0 });
    expect((await getOverview(ctx())).eventsPublished).toBe(0);
  });

  it("refuses, naming `event`, a type it does not know or one without an example, and an example with an unsaved URL", async () => {
    const hook = await createWebhook(ctx(), { url: "http://127.0.0.1:9/hook", events: ["*"] });
    await createEventType(ctx(), { name: "invoices.paid", description: "d", group: "g" });
    const key = await adminKey();
    const send = (body: unknown) => call(testRoute, { method: "POST", key, params: { id: hook.id }, body });
    expect(await send({ event: "nope.nope" })).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "event", message: 'Unknown event type "nope.nope"' }] } },
    });
    expect(await send({ event: "invoices.paid" })).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "event", message: "invoices.paid has no example: register one with PATCH /api/v1/event-types/invoices.paid" }] } },
    });
    expect(await send({ event: "deals.created", url: "http://127.0.0.1:9/other" })).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "event" }] } },
    });
    expect(await database().prisma.delivery.count()).toBe(0);
  });
});

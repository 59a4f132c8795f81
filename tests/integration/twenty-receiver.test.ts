import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { redeliverNow } from "@/lib/delivery/redeliver-now";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { rotateWebhookToken } from "@/lib/server/webhooks/webhook-token";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { startTwentyReceiver, TWENTY_TOLERANCE_MS } from "../helpers/twenty-receiver";

// Real deliveries, sent by the worker's own path to a real HTTP receiver on 127.0.0.1 that verifies
// X-Twenty-Webhook-Signature the way seed 003's Node example does (tests/helpers/twenty-receiver.ts).

const TWENTY_HEADERS = ["x-twenty-webhook-signature", "x-twenty-webhook-timestamp", "x-twenty-webhook-nonce"];
const STANDARD_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"];

describe.each(TEST_DATABASES)("a Twenty receiver on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let secret = "";
  let clockOffsetMs = 0;
  let receiver: Awaited<ReturnType<typeof startTwentyReceiver>>;
  beforeEach(async () => {
    clockOffsetMs = 0;
    receiver = await startTwentyReceiver(
      () => secret,
      () => Date.now() + clockOffsetMs,
    );
  });
  afterEach(() => receiver.close());

  const drain = () => new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();
  const delivery = () => db().prisma.delivery.findFirstOrThrow({ include: { attempts: { orderBy: { number: "asc" } } } });

  it("verifies real deliveries and a manual redelivery, each with its own timestamp and nonce", async () => {
    const hook = await enabledWebhook(`${receiver.url}/twenty`);
    secret = hook.token;
    // Keys JavaScript reorders, non-ASCII text and numbers: the body re-serialized by the receiver is still the bytes sent.
    await publishEvent(ctx(), {
      event: "deals.created",
      data: { title: "Ünïcode déal ✓ \u2028", "10": "ten", "2": "two", amount: 12.5, big: 1e21, nested: { b: [1, null] } },
    });
    expect(await drain()).toBe(1);
    expect(receiver.verdicts).toEqual(["ok"]);
    expect((await delivery()).status).toBe("succeeded");
    const first = receiver.received[0];
    expect(JSON.stringify(JSON.parse(first?.body ?? ""))).toBe(first?.body);
    // The other two families are on the same request and verify too.
    expect(new Webhook(hook.token).verify(first?.body ?? "", first?.headers as Record<string, string>)).toBeTruthy();

    expect(await redeliverNow(db().prisma, (await delivery()).id, TEST_CONFIG)).toBe(true);
    expect(receiver.verdicts).toEqual(["ok", "ok"]);
    const second = receiver.received[1];
    expect(second?.headers["x-twenty-webhook-nonce"]).toMatch(/^[0-9a-f]{32}$/);
    expect(second?.headers["x-twenty-webhook-nonce"]).not.toBe(first?.headers["x-twenty-webhook-nonce"]);
    expect(Number(second?.headers["x-twenty-webhook-timestamp"])).toBeGreaterThanOrEqual(Number(first?.headers["x-twenty-webhook-timestamp"]));
    // Stored with the attempt, as sent.
    expect((await delivery()).attempts[1]?.requestHeaders).toMatchObject({ "X-Twenty-Webhook-Nonce": second?.headers["x-twenty-webhook-nonce"] });
  });

  it("refuses the same request with a tampered body", async () => {
    secret = (await enabledWebhook(`${receiver.url}/twenty`)).token;
    await publishEvent(ctx(), { event: "deals.created", data: { amount: 12.5 } });
    await drain();
    const sent = receiver.received[0];
    const headers = Object.fromEntries(TWENTY_HEADERS.map((h) => [h, String(sent?.headers[h])]));
    const replay = (body: string) => fetch(`${receiver.url}/twenty`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
    expect((await replay(sent?.body ?? "")).status).toBe(200);
    expect((await replay((sent?.body ?? "").replace("12.5", "13.5"))).status).toBe(401);
    expect(receiver.verdicts).toEqual(["ok", "ok", "bad_signature"]);
  });

  it("a receiver whose clock is more than 5 minutes past the timestamp refuses it, and the attempt fails", async () => {
    secret = (await enabledWebhook(`${receiver.url}/twenty`)).token;
    clockOffsetMs = TWENTY_TOLERANCE_MS + 60_000;
    await publishEvent(ctx(), { event: "deals.created", data: { id: 1 } });
    await drain();
    expect(receiver.verdicts).toEqual(["stale_timestamp"]);
    expect(await delivery()).toMatchObject({ status: "pending", lastStatusCode: 401 });
  });

  it("sends only the families the webhook chose", async () => {
    const onlyTeamwork = await enabledWebhook(`${receiver.url}/teamwork`, { signatureFamilies: ["teamwork"] });
    const onlyTwenty = await enabledWebhook(`${receiver.url}/twenty`, { signatureFamilies: ["twenty"] });
    secret = onlyTwenty.token;
    await publishEvent(ctx(), { event: "deals.created", data: { id: 2 } });
    expect(await drain()).toBe(2);
    const at = (path: string) => receiver.received.find((r) => r.url === path)?.headers ?? {};
    for (const h of [...TWENTY_HEADERS, ...STANDARD_HEADERS]) expect(at("/teamwork"), h).not.toHaveProperty(h);
    expect(at("/teamwork").signature).toMatch(/^[0-9a-f]{64}$/);
    for (const h of ["signature", ...STANDARD_HEADERS]) expect(at("/twenty"), h).not.toHaveProperty(h);
    for (const h of TWENTY_HEADERS) expect(at("/twenty")).toHaveProperty(h);
    // The Twenty receiver refuses the webhook that sends no Twenty signature, and accepts the other.
    expect(receiver.verdicts.sort()).toEqual(["missing_headers", "ok"]);
    expect(onlyTeamwork.signatureFamilies).toEqual(["teamwork"]);
  });

  it("during a rotation the Twenty header is signed by the new token only", async () => {
    const hook = await enabledWebhook(`${receiver.url}/twenty`);
    const { token: next } = await rotateWebhookToken(ctx(), hook.id, { overlap: "24h" });
    secret = hook.token;
    await publishEvent(ctx(), { event: "deals.created", data: { id: 3 } });
    await drain();
    expect(receiver.verdicts).toEqual(["bad_signature"]);
    // webhook-signature still carries both, so a Standard Webhooks receiver on the old secret keeps working.
    expect(new Webhook(hook.token).verify(receiver.received[0]?.body ?? "", receiver.received[0]?.headers as Record<string, string>)).toBeTruthy();
    secret = next;
    expect(await redeliverNow(db().prisma, (await delivery()).id, TEST_CONFIG)).toBe(true);
    expect(receiver.verdicts).toEqual(["bad_signature", "ok"]);
  });
});

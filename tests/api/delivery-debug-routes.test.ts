import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as checkSignature } from "@/app/api/v1/deliveries/[id]/check-signature/route";
import { GET as stats } from "@/app/api/v1/webhooks/[id]/stats/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { teamworkSignature } from "@/lib/delivery/sign-payload";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call } from "../helpers/routes";

describe.each(TEST_DATABASES)("signature debugger and stats on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 200;
  beforeEach(async () => {
    status = 200;
    receiver = await startReceiver((_q, res) => {
      res.statusCode = status;
      res.end();
    });
  });
  afterEach(() => receiver.close());

  async function deliveredOnce() {
    const hook = await enabledWebhook(receiver.url);
    await publishEvent(ctx(), { event: "deals.created", data: { a: 1, b: [1, 2] } });
    await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();
    const req = receiver.received.at(-1);
    const delivery = await db().prisma.delivery.findFirstOrThrow();
    return { hook, req, delivery, key: await adminKey() };
  }

  it("says which part of a receiver's check differs", async () => {
    const { hook, req, delivery, key } = await deliveredOnce();
    const check = (body: Record<string, unknown>) => call(checkSignature, { method: "POST", key, params: { id: delivery.id }, body }).then((r) => r.json);
    const std = String(req?.headers["webhook-signature"]);
    const raw = String(req?.body);

    expect(await check({ secret: hook.token, signature: std })).toMatchObject({ scheme: "webhook-signature", verdict: "match" });
    expect((await check({ secret: hook.token, signature: std })).signedString).toBe(`${delivery.id}.${req?.headers["webhook-timestamp"]}.${raw}`);
    expect(await check({ secret: "whsec_d3JvbmctdG9rZW4tZm9yLXRlc3RpbmctMTIzNDU2Nzg=", signature: std })).toMatchObject({ verdict: "wrong_secret" });
    expect(await check({ secret: hook.token, signature: String(req?.headers.signature) })).toMatchObject({
      scheme: "Signature",
      verdict: "match",
      signedString: raw,
    });
    expect(await check({ secret: "not-the-token", signature: String(req?.headers.signature) })).toMatchObject({ verdict: "wrong_secret" });
    // The commonest real mistake: a receiver holding another secret computes a signature that is
    // right for that secret over the right bytes, and so never matches the header.
    const otherSecret = "whsec_b3RoZXItc2VjcmV0LW9mLTMyLWJ5dGVzLWxvbmctMTIz";
    expect(await check({ secret: otherSecret, signature: teamworkSignature(otherSecret, raw) })).toMatchObject({
      scheme: "Signature",
      verdict: "wrong_secret",
      isSecretTheWebhooks: false,
    });
    expect(await check({ secret: hook.token, signature: teamworkSignature(hook.token, `${raw} `) })).toMatchObject({
      verdict: "no_match",
      isSecretTheWebhooks: true,
    });
    // A receiver that parsed and re-serialized the JSON before signing:
    const reserialized = JSON.stringify(JSON.parse(raw), null, 2);
    expect(await check({ secret: hook.token, signature: teamworkSignature(hook.token, reserialized), body: reserialized })).toMatchObject({
      verdict: "reserialized_body",
    });
    expect((await call(checkSignature, { method: "POST", key, params: { id: delivery.id }, body: { secret: "", signature: "x" } })).status).toBe(400);
  });

  it("tells whether a pasted Twenty signature, timestamp and body are valid for a real delivery", async () => {
    const { hook, req, delivery, key } = await deliveredOnce();
    const post = (body: Record<string, unknown>) => call(checkSignature, { method: "POST", key, params: { id: delivery.id }, body });
    const signature = String(req?.headers["x-twenty-webhook-signature"]);
    const timestamp = String(req?.headers["x-twenty-webhook-timestamp"]);
    const raw = String(req?.body);
    expect((await post({ secret: hook.token, signature, timestamp })).json).toMatchObject({
      scheme: "X-Twenty-Webhook-Signature",
      verdict: "match",
      signedString: `${timestamp}:${raw}`,
    });
    // The body a seed-003 receiver signs (JSON.stringify of the parsed body) is the same string.
    expect((await post({ secret: hook.token, signature, timestamp, body: JSON.stringify(JSON.parse(raw)) })).json.verdict).toBe("match");
    expect((await post({ secret: hook.token, signature, timestamp: String(Number(timestamp) + 1) })).json.verdict).not.toBe("match");
    const tampered = raw.replace('"a":1', '"a":2');
    expect((await post({ secret: hook.token, signature, timestamp, body: tampered })).json.verdict).not.toBe("match");
    const bad = await post({ secret: hook.token, signature, timestamp: "yesterday" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("timestamp");
  });

  it("notices a signature made with an earlier attempt's timestamp", async () => {
    status = 500;
    const { hook, delivery, key } = await deliveredOnce();
    const firstStd = String(receiver.received.at(-1)?.headers["webhook-signature"]);
    await new Promise((r) => setTimeout(r, 1_100)); // the next attempt gets a later timestamp
    status = 200;
    const { POST: redeliver } = await import("@/app/api/v1/deliveries/[id]/redeliver/route");
    await call(redeliver, { method: "POST", key, params: { id: delivery.id } });
    const res = await call(checkSignature, { method: "POST", key, params: { id: delivery.id }, body: { secret: hook.token, signature: firstStd } });
    expect(res.json).toMatchObject({ verdict: "stale_timestamp" });
  });

  it("counts deliveries per bucket (succeeded, failed for good, attempts to retry) with p50/p95, every bucket present", async () => {
    const { hook, key } = await deliveredOnce();
    status = 500;
    await publishEvent(ctx(), { event: "deals.created", data: {} }); // fails once, to be retried
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await new DeliveryWorker({ db: db().prisma, config: { ...TEST_CONFIG, retrySchedule: [] }, log: () => {} }).drain(); // both fail for good
    await publishEvent(ctx(), { event: "deals.created", data: {} });
    await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain(); // fails, retry scheduled
    const day = await call(stats, { key, path: `/webhooks/${hook.id}/stats`, params: { id: hook.id } });
    expect(day.json.data).toHaveLength(24);
    expect(day.json.data.slice(0, -1).every((b: { succeeded: number; failed: number; retried: number }) => b.succeeded + b.failed + b.retried === 0)).toBe(
      true,
    );
    const last = day.json.data.at(-1);
    expect(last).toMatchObject({ succeeded: 1, failed: 2, retried: 1 });
    expect(last.p50).toBeGreaterThanOrEqual(0);
    expect(last.p95).toBeGreaterThanOrEqual(last.p50);
    const week = await call(stats, { key, path: `/webhooks/${hook.id}/stats?range=7d`, params: { id: hook.id } });
    // The week in six-hour buckets; the last holds this hour's deliveries.
    expect(week.json.data).toHaveLength(28);
    expect(week.json.data.at(-1)).toMatchObject({ succeeded: 1, failed: 2, retried: 1 });
    expect((await call(stats, { key, path: `/webhooks/${hook.id}/stats?range=1y`, params: { id: hook.id } })).status).toBe(400);
  });

  it("400 for a malformed id, 404 for an unknown one", async () => {
    const key = await adminKey();
    const missing = "00000000-0000-4000-8000-000000000000";
    const body = { secret: "s", signature: "abc" };
    expect((await call(checkSignature, { method: "POST", key, params: { id: "nope" }, body })).status).toBe(400);
    expect((await call(checkSignature, { method: "POST", key, params: { id: missing }, body })).status).toBe(404);
    expect((await call(stats, { key, path: "/webhooks/nope/stats", params: { id: "nope" } })).status).toBe(400);
    expect((await call(stats, { key, path: `/webhooks/${missing}/stats`, params: { id: missing } })).status).toBe(404);
  });
});

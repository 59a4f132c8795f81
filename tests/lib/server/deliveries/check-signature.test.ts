import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { standardSignature, teamworkSignature, twentySignature } from "@/lib/delivery/sign-payload";
import { sealSecret } from "@/lib/delivery/webhook-secrets";
import { checkSignature } from "@/lib/server/deliveries/check-signature";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const TOKEN = "check-token-0123456789";
const OTHER = "someone-elses-secret-xyz";
const MISSING = "00000000-0000-4000-8000-000000000000";
// Two attempts, a minute apart; "now" is shortly after the second.
const T1 = 1_796_000_000;
const T2 = T1 + 60;
const NOW = new Date((T2 + 30) * 1000);

describe.each(TEST_DATABASES)("checkSignature on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  async function delivery() {
    const db = database().prisma;
    const hook = await enabledWebhook("http://127.0.0.1:9/sig", { token: TOKEN });
    const event = await db.event.create({ data: { type: "deals.created", payload: { a: 1, b: [2] }, occurredAt: new Date("2026-11-30T08:00:00Z") } });
    const d = await db.delivery.create({ data: { webhookId: hook.id, eventId: event.id, status: "failed", attemptCount: 2 } });
    for (const [number, ts] of [
      [1, T1],
      [2, T2],
    ] as const) {
      await db.attempt.create({
        data: {
          deliveryId: d.id,
          number,
          trigger: "auto",
          startedAt: new Date(ts * 1000),
          durationMs: 5,
          requestHeaders: { "webhook-timestamp": String(ts), "X-Twenty-Webhook-Timestamp": String(ts * 1000 + 7) },
        },
      });
    }
    const sent = `{"id":"${event.id}","event":"deals.created","timestamp":"2026-11-30T08:00:00.000Z","projectId":null,"data":{"a":1,"b":[2]}}`;
    return { id: d.id, sent };
  }

  it("checks a Signature header: match, wrong secret, re-serialized body, other bytes", async () => {
    const { id, sent } = await delivery();
    const check = (input: Record<string, unknown>) => checkSignature(ctx(), id, input, NOW);
    expect(await check({ secret: TOKEN, signature: teamworkSignature(TOKEN, sent) })).toEqual({
      scheme: "Signature",
      verdict: "match",
      explanation: "The signature is right: the webhook's token over these exact bytes gives it.",
      signedString: sent,
      expectedWithYourSecret: teamworkSignature(TOKEN, sent),
      isSecretTheWebhooks: true,
      normalized: [],
    });
    expect(await check({ secret: OTHER, signature: teamworkSignature(OTHER, sent) })).toMatchObject({ verdict: "wrong_secret", isSecretTheWebhooks: false });
    // The receiver holds another secret: the header Hookline sent, checked with it, matches nothing.
    expect(await check({ secret: OTHER, signature: teamworkSignature(TOKEN, sent) })).toMatchObject({ verdict: "wrong_secret" });
    const pretty = JSON.stringify(JSON.parse(sent), null, 2);
    expect(await check({ secret: TOKEN, signature: teamworkSignature(TOKEN, pretty), body: pretty })).toMatchObject({ verdict: "reserialized_body" });
    const mismatch = await check({ secret: TOKEN, signature: "deadbeef", body: pretty });
    expect(mismatch).toMatchObject({ verdict: "no_match" });
    expect(mismatch.explanation).toMatch(/same JSON with different bytes/);
    expect((await check({ secret: TOKEN, signature: "deadbeef" })).explanation).toMatch(/not over this delivery's bytes/);
  });

  it("checks a webhook-signature header against the latest attempt's timestamp", async () => {
    const { id, sent } = await delivery();
    const latest = standardSignature(TOKEN, id, T2, sent);
    const result = await checkSignature(ctx(), id, { secret: TOKEN, signature: `${latest} v1,bm9wZQ==` }, NOW);
    expect(result).toMatchObject({ scheme: "webhook-signature", verdict: "match", signedString: `${id}.${T2}.${sent}`, expectedWithYourSecret: latest });
    expect(result.explanation).not.toMatch(/Note:/);
    const stale = await checkSignature(ctx(), id, { secret: TOKEN, signature: standardSignature(TOKEN, id, T1, sent) }, NOW);
    expect(stale).toMatchObject({ verdict: "stale_timestamp" });
    expect(await checkSignature(ctx(), id, { secret: OTHER, signature: standardSignature(OTHER, id, T2, sent) }, NOW)).toMatchObject({
      verdict: "wrong_secret",
    });
    const body = ` ${sent}`;
    expect(await checkSignature(ctx(), id, { secret: TOKEN, signature: standardSignature(TOKEN, id, T2, body), body }, NOW)).toMatchObject({
      verdict: "reserialized_body",
    });
    // Right, but older than a receiver's 5-minute tolerance: the explanation says so.
    const old = await checkSignature(ctx(), id, { secret: TOKEN, signature: latest }, new Date((T2 + 600) * 1000));
    expect(old.verdict).toBe("match");
    expect(old.explanation).toMatch(/Note: this attempt's webhook-timestamp is 10 minutes old/);
  });

  it("checks an X-Twenty-Webhook-Signature: with the pasted timestamp, an earlier attempt's, a doubly encoded body, another secret", async () => {
    const { id, sent } = await delivery();
    const [ms1, ms2] = [String(T1 * 1000 + 7), String(T2 * 1000 + 7)];
    const check = (input: Record<string, unknown>, now = NOW) => checkSignature(ctx(), id, input, now);
    const right = twentySignature(TOKEN, ms2, sent);
    const match = await check({ secret: TOKEN, signature: right, timestamp: ms2 });
    expect(match).toMatchObject({ scheme: "X-Twenty-Webhook-Signature", verdict: "match", signedString: `${ms2}:${sent}`, expectedWithYourSecret: right });
    expect(match.explanation).not.toMatch(/Note:/);
    // Without a timestamp the scheme is named, and the latest attempt's is used.
    expect(await check({ secret: TOKEN, signature: right, scheme: "X-Twenty-Webhook-Signature" })).toMatchObject({
      verdict: "match",
      signedString: `${ms2}:${sent}`,
    });
    // Signed with attempt 1's timestamp while claiming attempt 2's.
    const stale = await check({ secret: TOKEN, signature: twentySignature(TOKEN, ms1, sent), timestamp: ms2 });
    expect(stale.verdict).toBe("stale_timestamp");
    expect(stale.explanation).toMatch(/X-Twenty-Webhook-Timestamp of an earlier attempt/);
    expect(await check({ secret: OTHER, signature: twentySignature(OTHER, ms2, sent), timestamp: ms2 })).toMatchObject({
      verdict: "wrong_secret",
      isSecretTheWebhooks: false,
    });
    expect(await check({ secret: OTHER, signature: right, timestamp: ms2 })).toMatchObject({ verdict: "wrong_secret" });
    const pretty = JSON.stringify(JSON.parse(sent), null, 2);
    expect(await check({ secret: TOKEN, signature: twentySignature(TOKEN, ms2, pretty), timestamp: ms2, body: pretty })).toMatchObject({
      verdict: "reserialized_body",
    });
    // A pasted body with other content: the signature does not vouch for it.
    const changed = await check({ secret: TOKEN, signature: right, timestamp: ms2, body: sent.replace('"a":1', '"a":2') });
    expect(changed.verdict).toBe("no_match");
    expect(changed.explanation).toMatch(/body you pasted has other content/);
    // The same JSON in other bytes (what a receiver that re-serializes signs) still verifies.
    expect((await check({ secret: TOKEN, signature: right, timestamp: ms2, body: pretty })).verdict).toBe("match");
    const twice = await check({ secret: TOKEN, signature: twentySignature(TOKEN, ms2, JSON.stringify(sent)), timestamp: ms2 });
    expect(twice.verdict).toBe("reserialized_body");
    expect(twice.explanation).toMatch(/encoded twice/);
    const flipped = right.slice(0, -1) + (right.endsWith("0") ? "1" : "0");
    expect((await check({ secret: TOKEN, signature: flipped, timestamp: ms2 })).verdict).toBe("no_match");
    // A right signature for a timestamp Hookline never sent, and one too old for a receiver now.
    const unsent = await check({ secret: TOKEN, signature: twentySignature(TOKEN, "1796000000999", sent), timestamp: "1796000000999" });
    expect(unsent.verdict).toBe("match");
    expect(unsent.explanation).toMatch(/sent no attempt of this delivery with X-Twenty-Webhook-Timestamp 1796000000999/);
    const old = await check({ secret: TOKEN, signature: right, timestamp: ms2 }, new Date((T2 + 600) * 1000));
    expect(old.explanation).toMatch(/X-Twenty-Webhook-Timestamp is 10 minutes old/);
    // The same hex without a timestamp is read as a Signature header, which it is not.
    expect(await check({ secret: TOKEN, signature: right })).toMatchObject({ scheme: "Signature", verdict: "no_match" });
  });

  it("reads pasted values as receivers' libraries do, and says so: sha256=<hex>, upper-case hex, a whsec_ secret without its prefix", async () => {
    const { id, sent } = await delivery();
    const hex = teamworkSignature(TOKEN, sent);
    const prefixed = await checkSignature(ctx(), id, { secret: TOKEN, signature: `sha256=${hex}` }, NOW);
    expect(prefixed).toMatchObject({ verdict: "match", normalized: [expect.stringMatching(/without its sha256= prefix/)] });
    const upper = await checkSignature(ctx(), id, { secret: TOKEN, signature: `sha256=${hex.toUpperCase()}` }, NOW);
    expect(upper).toMatchObject({ verdict: "match" });
    expect(upper.normalized).toHaveLength(2);

    const whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const db = database().prisma;
    const row = await db.delivery.findUniqueOrThrow({ where: { id } });
    await db.webhook.update({ where: { id: row.webhookId }, data: { tokenCiphertext: sealSecret(whsec) } });
    const signature = standardSignature(whsec, id, T2, sent);
    const bare = await checkSignature(ctx(), id, { secret: whsec.slice("whsec_".length), signature }, NOW);
    expect(bare).toMatchObject({ verdict: "match", isSecretTheWebhooks: true, normalized: [expect.stringMatching(/whsec_ followed by what you pasted/)] });
    expect(await checkSignature(ctx(), id, { secret: whsec, signature }, NOW)).toMatchObject({ verdict: "match", normalized: [] });
    // The Signature header is keyed by the whole token: there the bare secret really is another secret.
    expect(await checkSignature(ctx(), id, { secret: whsec.slice(6), signature: teamworkSignature(whsec, sent) }, NOW)).toMatchObject({
      verdict: "wrong_secret",
      normalized: [],
    });
  });

  it("refuses an unknown delivery and bad input, writing nothing", async () => {
    const { id } = await delivery();
    await expect(checkSignature(ctx(), MISSING, { secret: TOKEN, signature: "x" })).rejects.toMatchObject({ kind: "not_found", message: "Delivery not found" });
    for (const [input, field] of [
      [{ secret: "", signature: "x" }, "secret"],
      [{ secret: TOKEN, signature: "   " }, "signature"],
      [{ secret: TOKEN, signature: "ab", timestamp: "2026-11-30T08:00:00Z" }, "timestamp"],
      [{ secret: TOKEN, signature: "ab", scheme: "X-Signature" }, "scheme"],
    ] as const) {
      const error = await checkSignature(ctx(), id, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual([field]);
    }
    expect(await database().prisma.attempt.count()).toBe(2);
  });
});

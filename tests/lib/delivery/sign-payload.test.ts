import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signatureHeaders, standardSignature, teamworkSignature, twentySignature } from "@/lib/delivery/sign-payload";
import { verifyTwentyRequest } from "../../helpers/twenty-receiver";

/** A port of seed 000's Go sample: hex HMAC-SHA256 of the raw body with the token, compared in constant time. */
function goSampleVerify(token: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(createHmac("sha256", token).update(rawBody).digest("hex"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const TOKEN = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const BODY = JSON.stringify({ id: "e1", event: "deals.created", timestamp: "2026-11-24T00:00:00.000Z", projectId: null, data: { name: "Ünïcode ✓" } });
const NONCE = "0123456789abcdef0123456789abcdef";
const sign = (tokens: string[], sentAt = new Date(), extra: Partial<Parameters<typeof signatureHeaders>[0]> = {}) =>
  signatureHeaders({ tokens, id: "msg_1", sentAt, body: BODY, nonce: NONCE, ...extra });
/** Node lower-cases incoming header names; the Twenty receiver reads them that way. */
const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

describe("signatures", () => {
  it("Signature verifies with the seed's Go algorithm and fails on a tampered body", () => {
    const sig = teamworkSignature(TOKEN, BODY);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(goSampleVerify(TOKEN, BODY, sig)).toBe(true);
    expect(goSampleVerify(TOKEN, BODY.replace("deals", "deal"), sig)).toBe(false);
    expect(goSampleVerify("other-token", BODY, sig)).toBe(false);
  });

  it("webhook-signature verifies with the standardwebhooks library and fails when tampered", () => {
    const headers = sign([TOKEN]);
    const wh = new Webhook(TOKEN);
    expect(wh.verify(BODY, headers)).toMatchObject({ event: "deals.created" });
    expect(() => wh.verify(BODY.replace("deals", "deal"), headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(BODY, headers)).toThrow();
  });

  it("X-Twenty-Webhook-Signature is hex HMAC of `<ms>:<body>` keyed by the token string, with the ms timestamp and the nonce", () => {
    const sentAt = new Date("2026-11-24T12:00:00.123Z");
    const headers = sign([TOKEN], sentAt);
    expect(headers["X-Twenty-Webhook-Timestamp"]).toBe("1795521600123");
    expect(headers["X-Twenty-Webhook-Nonce"]).toBe(NONCE);
    // The key is the whole token string, whsec_ included (Twenty's createHmac(secret) with its secret string).
    expect(headers["X-Twenty-Webhook-Signature"]).toBe(createHmac("sha256", TOKEN).update(`1795521600123:${BODY}`).digest("hex"));
    expect(twentySignature(TOKEN, 1795521600123, BODY)).toBe(headers["X-Twenty-Webhook-Signature"]);
  });

  it("the seed-003 receiver accepts it, and refuses a tampered body, another secret and a stale timestamp", () => {
    const sentAt = new Date();
    const headers = lower(sign([TOKEN], sentAt));
    expect(verifyTwentyRequest(headers, BODY, TOKEN, sentAt.getTime())).toBe("ok");
    expect(verifyTwentyRequest(headers, BODY.replace("deals", "deal"), TOKEN, sentAt.getTime())).toBe("bad_signature");
    expect(verifyTwentyRequest(headers, BODY, `${TOKEN}x`, sentAt.getTime())).toBe("bad_signature");
    expect(verifyTwentyRequest(headers, BODY, TOKEN, sentAt.getTime() + 5 * 60_000 + 1)).toBe("stale_timestamp");
    // A replay with a fresh timestamp but the old signature fails: the timestamp is signed.
    expect(verifyTwentyRequest({ ...headers, "x-twenty-webhook-timestamp": String(sentAt.getTime() + 1) }, BODY, TOKEN, sentAt.getTime())).toBe(
      "bad_signature",
    );
  });

  it("during a rotation both tokens sign webhook-signature; Signature and Twenty's header carry the current token's alone", () => {
    const next = `whsec_${Buffer.alloc(32, 4).toString("base64")}`;
    const sentAt = new Date();
    const headers = sign([next, TOKEN], sentAt);
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(next).verify(BODY, headers)).toBeTruthy();
    expect(new Webhook(TOKEN).verify(BODY, headers)).toBeTruthy();
    expect(headers.Signature).toBe(teamworkSignature(next, BODY));
    expect(headers["X-Twenty-Webhook-Signature"]).toBe(twentySignature(next, sentAt.getTime(), BODY));
    expect(verifyTwentyRequest(lower(headers), BODY, next, sentAt.getTime())).toBe("ok");
  });

  it("sends only the chosen families", () => {
    expect(Object.keys(sign([TOKEN], new Date(), { families: ["twenty"] })).sort()).toEqual([
      "X-Twenty-Webhook-Nonce",
      "X-Twenty-Webhook-Signature",
      "X-Twenty-Webhook-Timestamp",
    ]);
    expect(Object.keys(sign([TOKEN], new Date(), { families: ["teamwork"] }))).toEqual(["Signature"]);
    expect(Object.keys(sign([TOKEN], new Date(), { families: ["standard-webhooks"] })).sort()).toEqual([
      "webhook-id",
      "webhook-signature",
      "webhook-timestamp",
    ]);
    expect(Object.keys(sign([TOKEN])).sort()).toEqual([
      "Signature",
      "X-Twenty-Webhook-Nonce",
      "X-Twenty-Webhook-Signature",
      "X-Twenty-Webhook-Timestamp",
      "webhook-id",
      "webhook-signature",
      "webhook-timestamp",
    ]);
  });

  it("a custom token without whsec_ signs with its own bytes", () => {
    const ts = 1_700_000_000;
    const expected = createHmac("sha256", Buffer.from("my-own-token")).update(`id.${ts}.${BODY}`).digest("base64");
    expect(standardSignature("my-own-token", "id", ts, BODY)).toBe(`v1,${expected}`);
    expect(new Webhook(Buffer.from("my-own-token"), { format: "raw" }).verify(BODY, sign(["my-own-token"]))).toBeTruthy();
  });
});

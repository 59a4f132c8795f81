import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signatureHeaders, standardSignature, teamworkSignature } from "@/lib/delivery/sign-payload";

/** A port of seed 000's Go sample: hex HMAC-SHA256 of the raw body with the token, compared in constant time. */
function goSampleVerify(token: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(createHmac("sha256", token).update(rawBody).digest("hex"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const TOKEN = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const BODY = JSON.stringify({ id: "e1", event: "deals.created", timestamp: "2026-11-24T00:00:00.000Z", projectId: null, data: { name: "Ünïcode ✓" } });

describe("signatures", () => {
  it("Signature verifies with the seed's Go algorithm and fails on a tampered body", () => {
    const sig = teamworkSignature(TOKEN, BODY);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(goSampleVerify(TOKEN, BODY, sig)).toBe(true);
    expect(goSampleVerify(TOKEN, BODY.replace("deals", "deal"), sig)).toBe(false);
    expect(goSampleVerify("other-token", BODY, sig)).toBe(false);
  });

  it("webhook-signature verifies with the standardwebhooks library and fails when tampered", () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders([TOKEN], "msg_1", ts, BODY);
    const wh = new Webhook(TOKEN);
    expect(wh.verify(BODY, headers)).toMatchObject({ event: "deals.created" });
    expect(() => wh.verify(BODY.replace("deals", "deal"), headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(BODY, headers)).toThrow();
  });

  it("during a rotation both tokens sign, and either verifies", () => {
    const next = `whsec_${Buffer.alloc(32, 4).toString("base64")}`;
    const ts = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders([next, TOKEN], "msg_2", ts, BODY);
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(next).verify(BODY, headers)).toBeTruthy();
    expect(new Webhook(TOKEN).verify(BODY, headers)).toBeTruthy();
    expect(headers.Signature).toBe(teamworkSignature(next, BODY));
  });

  it("a custom token without whsec_ signs with its own bytes", () => {
    const ts = 1_700_000_000;
    const expected = createHmac("sha256", Buffer.from("my-own-token")).update(`id.${ts}.${BODY}`).digest("base64");
    expect(standardSignature("my-own-token", "id", ts, BODY)).toBe(`v1,${expected}`);
    expect(
      new Webhook(Buffer.from("my-own-token"), { format: "raw" }).verify(BODY, signatureHeaders(["my-own-token"], "id", Math.floor(Date.now() / 1000), BODY)),
    ).toBeTruthy();
  });
});

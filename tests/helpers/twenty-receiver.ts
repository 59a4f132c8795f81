import { createHmac, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { startReceiver } from "./receiver";

// A receiver written from seed 003's Node example ("Webhook Validation"): it parses the JSON body,
// re-serializes it with JSON.stringify, signs `${timestamp}:${that}` with the secret string and
// compares the hex digest with X-Twenty-Webhook-Signature. The seed calls JSON.stringify on a
// string it already stringified (its `payload` is `JSON.stringify({...})`); a receiver that did
// that literally would sign a quoted string, so this one stringifies the parsed object once, as
// Twenty's own sender does. On top, the timestamp must be within 5 minutes of its clock.

export const TWENTY_TOLERANCE_MS = 5 * 60 * 1000;

export type TTwentyVerdict = "ok" | "missing_headers" | "stale_timestamp" | "bad_signature";

const header = (headers: http.IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function verifyTwentyRequest(headers: http.IncomingHttpHeaders, rawBody: string, secret: string, nowMs = Date.now()): TTwentyVerdict {
  const timestamp = header(headers, "x-twenty-webhook-timestamp");
  const signature = header(headers, "x-twenty-webhook-signature");
  if (!timestamp || !signature || !header(headers, "x-twenty-webhook-nonce")) return "missing_headers";
  if (!/^\d+$/.test(timestamp) || Math.abs(nowMs - Number(timestamp)) > TWENTY_TOLERANCE_MS) return "stale_timestamp";
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return "bad_signature";
  }
  const stringToSign = `${timestamp}:${JSON.stringify(payload)}`;
  const expected = Buffer.from(createHmac("sha256", secret).update(stringToSign).digest("hex"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? "ok" : "bad_signature";
}

/** A real HTTP receiver on 127.0.0.1 that answers 200 to valid Twenty signatures and 401 otherwise. */
export async function startTwentyReceiver(secret: () => string, now: () => number = Date.now) {
  const verdicts: TTwentyVerdict[] = [];
  const receiver = await startReceiver((req, res, body) => {
    const verdict = verifyTwentyRequest(req.headers, body, secret(), now());
    verdicts.push(verdict);
    res.writeHead(verdict === "ok" ? 200 : 401);
    res.end(verdict);
  });
  return { ...receiver, verdicts };
}

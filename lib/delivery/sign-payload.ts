import { createHmac } from "node:crypto";
import { SIGNATURE_FAMILIES, type TSignatureFamily } from "../validation/signature-family";

// Up to three signature families on a request, chosen per webhook, so receivers verify their way:
// - `Signature`: hex HMAC-SHA256 of the exact body bytes keyed by the token (Teamwork, seed 000);
// - `webhook-signature`: Standard Webhooks, "v1,<base64 HMAC-SHA256 of `id.timestamp.body`>";
// - `X-Twenty-Webhook-Signature`: hex HMAC-SHA256 of `<timestamp ms>:<body>` keyed by the token
//   string's bytes (Twenty, seed 003), with `X-Twenty-Webhook-Timestamp` and `-Nonce`.

export function teamworkSignature(token: string, body: string): string {
  return createHmac("sha256", token).update(body).digest("hex");
}

/**
 * The Standard Webhooks key: the base64 after `whsec_` for generated tokens (what the
 * `standardwebhooks` libraries expect); a custom token without that prefix signs with its own bytes.
 */
export function standardWebhooksKey(token: string): Buffer {
  return token.startsWith("whsec_") ? Buffer.from(token.slice("whsec_".length), "base64") : Buffer.from(token, "utf8");
}

export function standardSignature(token: string, id: string, timestampS: number, body: string): string {
  const mac = createHmac("sha256", standardWebhooksKey(token)).update(`${id}.${timestampS}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/**
 * Twenty keys with the secret string as the admin copies it (`whsec_` included, no base64 decoding):
 * its receivers call `createHmac("sha256", secret)` with the string they were given.
 */
export function twentySignature(token: string, timestampMs: number | string, body: string): string {
  return createHmac("sha256", token).update(`${timestampMs}:${body}`).digest("hex");
}

export type TSignInput = {
  tokens: string[];
  id: string;
  sentAt: Date;
  body: string;
  /** Which families to send; all of them unless the webhook chose fewer. */
  families?: readonly TSignatureFamily[];
  /** Twenty's per-attempt nonce (not signed; receivers may remember it to refuse replays). */
  nonce: string;
};

/**
 * Signature headers for one attempt. During a rotation both tokens sign `webhook-signature`
 * (space-separated, as Standard Webhooks defines). `Signature` and `X-Twenty-Webhook-Signature` carry
 * the current token's alone: their receivers compare the whole header with one hex digest, so a
 * second value would fail every one of them, old secret or new.
 */
export function signatureHeaders(input: TSignInput): Record<string, string> {
  const { tokens, id, sentAt, body, families = SIGNATURE_FAMILIES, nonce } = input;
  const [current] = tokens;
  if (!current) throw new Error("no signing token");
  const headers: Record<string, string> = {};
  if (families.includes("teamwork")) headers.Signature = teamworkSignature(current, body);
  if (families.includes("standard-webhooks")) {
    const timestampS = Math.floor(sentAt.getTime() / 1000);
    headers["webhook-id"] = id;
    headers["webhook-timestamp"] = String(timestampS);
    headers["webhook-signature"] = tokens.map((t) => standardSignature(t, id, timestampS, body)).join(" ");
  }
  if (families.includes("twenty")) {
    const timestampMs = sentAt.getTime();
    headers["X-Twenty-Webhook-Timestamp"] = String(timestampMs);
    headers["X-Twenty-Webhook-Signature"] = twentySignature(current, timestampMs, body);
    headers["X-Twenty-Webhook-Nonce"] = nonce;
  }
  return headers;
}

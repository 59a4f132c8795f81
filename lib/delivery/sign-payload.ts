import { createHmac } from "node:crypto";

// Two signatures on every request, so receivers can verify either way:
// - `Signature`: hex HMAC-SHA256 of the exact body bytes keyed by the token (Teamwork, seed 000);
// - `webhook-signature`: Standard Webhooks, "v1,<base64 HMAC-SHA256 of `id.timestamp.body`>".

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

/** Signature headers for one attempt; during a rotation both tokens sign (space-separated). */
export function signatureHeaders(tokens: string[], id: string, timestampS: number, body: string): Record<string, string> {
  const [current] = tokens;
  if (!current) throw new Error("no signing token");
  return {
    Signature: teamworkSignature(current, body),
    "webhook-id": id,
    "webhook-timestamp": String(timestampS),
    "webhook-signature": tokens.map((t) => standardSignature(t, id, timestampS, body)).join(" "),
  };
}

import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { envelope } from "../../delivery/build-request";
import { standardSignature, teamworkSignature, twentySignature } from "../../delivery/sign-payload";
import { signingTokens } from "../../delivery/webhook-secrets";
import { DomainError } from "../../errors/domain-error";
import { type TSignatureCheck, ZSignatureCheck } from "../../validation/delivery";

type TVerdict = TSignatureCheck["verdict"];

// Standard Webhooks libraries refuse a webhook-timestamp further than this from their clock; the
// Twenty snippets (lib/snippets) refuse an X-Twenty-Webhook-Timestamp the same way.
const TOLERANCE_S = 5 * 60;

const stripV1 = (s: string) => s.split(" ").map((p) => p.replace(/^v1,/, ""));
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads the pasted values as receivers' libraries do, saying what was changed: GitHub-style
 * `sha256=<hex>` is the hex; a Standard Webhooks secret without `whsec_` is the same secret (the
 * standardwebhooks libraries accept both), unless it is itself one of the webhook's tokens.
 */
function normalize(input: { secret: string; signature: string }, realTokens: string[]) {
  const notes: string[] = [];
  let { secret, signature } = input;
  const isStandard = signature.includes(",");
  if (!isStandard && /^sha256=/i.test(signature)) {
    signature = signature.slice("sha256=".length);
    notes.push("Read the signature without its sha256= prefix: Hookline's hex headers are the bare hex.");
  }
  if (!isStandard && /^[0-9A-F]+$/.test(signature) && /[A-F]/.test(signature)) {
    signature = signature.toLowerCase();
    notes.push("Read the hex signature in lower case, as Hookline sends it.");
  }
  if (isStandard && !secret.startsWith("whsec_") && !realTokens.includes(secret) && BASE64.test(secret) && secret.length % 4 === 0) {
    secret = `whsec_${secret}`;
    notes.push("Read the secret as whsec_ followed by what you pasted: Standard Webhooks libraries accept the secret with or without that prefix.");
  }
  return { secret, signature, notes };
}

/**
 * The signature debugger: recomputes a delivery's signature with a pasted secret and says which
 * part of the receiver's check differs. The secret is first compared with the webhook's own tokens:
 * a signature that is right for the wrong secret is still the wrong secret (the header Hookline
 * sent was made with the token), and a pasted header that only the token reproduces means the
 * receiver holds another secret. Then the bytes: the raw body, or a re-serialized one; then the
 * timestamp: one of an earlier attempt.
 */
export async function checkSignature(ctx: TWorkspaceContext, deliveryId: string, input: unknown, now = new Date()): Promise<TSignatureCheck> {
  const parsed = ZSignatureCheck.parse(input);
  const { body } = parsed;
  const row = await ctx.db.delivery.findUnique({
    where: { id: deliveryId },
    include: { event: true, webhook: true, attempts: { orderBy: { number: "desc" } } },
  });
  if (!row) throw DomainError.notFound("Delivery");
  const sent = envelope(row.event);
  const realTokens = signingTokens(row.webhook, now);
  const { secret, signature, notes } = normalize(parsed, realTokens);
  const isSecretTheWebhooks = realTokens.includes(secret);
  const isOtherBytes = body !== undefined && body !== sent;
  const sameJson = isOtherBytes && JSON.stringify(safeParse(body)) === JSON.stringify(safeParse(sent));
  const result = (scheme: TSignatureCheck["scheme"], verdict: TVerdict, signedString: string, expected: string, note = "") => ({
    scheme,
    verdict,
    explanation: `${explain(verdict, sameJson, scheme === "X-Twenty-Webhook-Signature" ? "X-Twenty-Webhook-Timestamp" : "webhook-timestamp")}${note}`,
    signedString,
    expectedWithYourSecret: expected,
    isSecretTheWebhooks,
    normalized: notes,
  });

  const scheme = parsed.scheme ?? (signature.includes(",") ? "webhook-signature" : parsed.timestamp ? "X-Twenty-Webhook-Signature" : "Signature");
  const sentHeader = (name: string) =>
    row.attempts.map((a) => (a.requestHeaders as Record<string, string>)[name]).filter((v): v is string => typeof v === "string");

  if (scheme === "X-Twenty-Webhook-Signature") {
    // Latest attempt first; what the receiver says it used, else the latest that was sent.
    const sentTimestamps = sentHeader("X-Twenty-Webhook-Timestamp").filter((t) => /^\d+$/.test(t));
    const ts = parsed.timestamp ?? sentTimestamps[0] ?? String(row.createdAt.getTime());
    const expected = twentySignature(secret, ts, sent);
    const signs = (token: string, timestamp: string, payload: string) => twentySignature(token, timestamp, payload) === signature;
    let verdict: TVerdict = "no_match";
    let note = "";
    // A pasted body is what the receiver got: a right signature does not vouch for other content.
    if (signature === expected && isOtherBytes && !sameJson) {
      note =
        " The signature is the right one for what Hookline sent, but the body you pasted has other content: it was changed after sending, or belongs to another delivery.";
    } else if (signature === expected) verdict = isSecretTheWebhooks ? "match" : "wrong_secret";
    else if (sentTimestamps.some((t) => t !== ts && [secret, ...realTokens].some((k) => signs(k, t, sent)))) verdict = "stale_timestamp";
    else if (isOtherBytes && signs(secret, ts, body)) verdict = "reserialized_body";
    else if (signs(secret, ts, JSON.stringify(sent))) {
      // Seed 003's Node example calls JSON.stringify on a payload it already stringified.
      verdict = "reserialized_body";
      note =
        " It is over the body encoded twice (JSON.stringify of the body string, as in Twenty's documented example): stringify the parsed object once, or better, sign the raw bytes.";
    } else if (!isSecretTheWebhooks || realTokens.some((t) => signs(t, ts, sent))) verdict = "wrong_secret";
    const ageS = Math.round((now.getTime() - Number(ts)) / 1000);
    if (verdict === "match" && !sentTimestamps.includes(ts))
      note = ` Note: Hookline sent no attempt of this delivery with X-Twenty-Webhook-Timestamp ${ts}: the signature is right for it, but a request carrying it did not come from Hookline.`;
    else if (verdict === "match" && ageS > TOLERANCE_S)
      note = ` Note: this X-Twenty-Webhook-Timestamp is ${Math.round(ageS / 60)} minutes old; a receiver that refuses timestamps older than 5 minutes (as the snippets on the webhook page do) rejects a replay of it now (Redeliver sends a fresh one).`;
    return result(scheme, verdict, `${ts}:${sent}`, expected, note);
  }

  if (scheme === "Signature") {
    const expected = teamworkSignature(secret, sent);
    let verdict: TVerdict = "no_match";
    if (signature === expected) verdict = isSecretTheWebhooks ? "match" : "wrong_secret";
    else if (isOtherBytes && teamworkSignature(secret, body) === signature) verdict = "reserialized_body";
    else if (!isSecretTheWebhooks || realTokens.some((t) => teamworkSignature(t, sent) === signature)) verdict = "wrong_secret";
    return result("Signature", verdict, sent, expected);
  }

  const timestamps = sentHeader("webhook-timestamp").map(Number).filter(Number.isFinite);
  const latest = timestamps[0] ?? Math.floor(row.createdAt.getTime() / 1000);
  const signedString = `${row.id}.${latest}.${sent}`;
  const expected = standardSignature(secret, row.id, latest, sent);
  const given = stripV1(signature);
  const matches = (token: string, ts: number, payload: string) => given.includes(standardSignature(token, row.id, ts, payload).slice(3));
  let verdict: TVerdict = "no_match";
  if (matches(secret, latest, sent)) verdict = isSecretTheWebhooks ? "match" : "wrong_secret";
  else if (timestamps.slice(1).some((ts) => [secret, ...realTokens].some((t) => matches(t, ts, sent)))) verdict = "stale_timestamp";
  else if (isOtherBytes && matches(secret, latest, body)) verdict = "reserialized_body";
  else if (!isSecretTheWebhooks || realTokens.some((t) => matches(t, latest, sent))) verdict = "wrong_secret";
  const ageS = Math.round(now.getTime() / 1000 - latest);
  const note =
    verdict === "match" && ageS > TOLERANCE_S
      ? ` Note: this attempt's webhook-timestamp is ${Math.round(ageS / 60)} minutes old; Standard Webhooks libraries refuse one older than 5 minutes, so a receiver replaying this request now rejects it (Redeliver sends a fresh one).`
      : "";
  return result("webhook-signature", verdict, signedString, expected, note);
}

function safeParse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return Symbol("unparseable");
  }
}

function explain(verdict: TVerdict, sameJson: boolean, timestampHeader: string): string {
  switch (verdict) {
    case "match":
      return "The signature is right: the webhook's token over these exact bytes gives it.";
    case "wrong_secret":
      return "The secret is not the webhook's signing token, so what your receiver computes cannot match the header Hookline sent. Copy the token again from the webhook (Reveal), including the whsec_ prefix.";
    case "reserialized_body":
      return "Your signature is over a re-serialized body. Sign the raw request bytes exactly as received, before any JSON parsing.";
    case "stale_timestamp":
      return `Your signature uses the ${timestampHeader} of an earlier attempt. Each attempt has its own timestamp: read it from the request you verify.`;
    case "no_match":
      return sameJson
        ? "The secret is right, but the body you pasted is the same JSON with different bytes: sign the raw bytes as received."
        : "The secret is right, but the signature is not over this delivery's bytes. Check that you verify the request of this delivery id, byte for byte.";
  }
}

import "server-only";
import { z } from "zod";
import { ApiError } from "../../api/api-error";
import { getDb } from "../../db";
import { envelope } from "../../delivery/build-request";
import { standardSignature, teamworkSignature } from "../../delivery/sign-payload";
import { signingTokens } from "../webhooks/webhook-secrets";

export const ZSignatureCheck = z
  .object({
    secret: z.string().min(1, { error: "Paste the secret your receiver uses" }).max(256),
    signature: z.string().trim().min(1, { error: "Paste the signature your receiver computed" }).max(2000),
    body: z
      .string()
      .max(1024 * 1024)
      .optional()
      .describe("The body your receiver signed, when it is not the raw bytes"),
  })
  .strict();

export type TSignatureVerdict = "match" | "wrong_secret" | "reserialized_body" | "stale_timestamp" | "no_match";
export type TSignatureCheck = {
  scheme: "Signature" | "webhook-signature";
  verdict: TSignatureVerdict;
  explanation: string;
  /** The exact string that is signed: the body bytes, or `id.timestamp.body`. */
  signedString: string;
  /** What the pasted secret gives over that string. */
  expectedWithYourSecret: string;
};

const stripV1 = (s: string) => s.split(" ").map((p) => p.replace(/^v1,/, ""));

/**
 * The signature debugger: recomputes both signatures of a delivery with a pasted secret and says
 * which part differs. It compares against the webhook's real token too (admins may reveal it
 * anyway), to tell "wrong secret" from "wrong bytes".
 */
export async function checkSignature(deliveryId: string, input: unknown): Promise<TSignatureCheck> {
  const { secret, signature, body } = ZSignatureCheck.parse(input);
  const row = await (await getDb()).delivery.findUnique({
    where: { id: deliveryId },
    include: { event: true, webhook: true, attempts: { orderBy: { number: "desc" } } },
  });
  if (!row) throw ApiError.notFound("Delivery");
  const sent = envelope(row.event);
  const realTokens = signingTokens(row.webhook);
  const sameJson = body !== undefined && body !== sent && JSON.stringify(safeParse(body)) === JSON.stringify(safeParse(sent));

  if (!signature.includes(",")) {
    const expected = teamworkSignature(secret, sent);
    let verdict: TSignatureVerdict = "no_match";
    if (signature === expected) verdict = "match";
    else if (realTokens.some((t) => teamworkSignature(t, sent) === signature)) verdict = "wrong_secret";
    else if (body !== undefined && body !== sent && teamworkSignature(secret, body) === signature) verdict = "reserialized_body";
    else if (!realTokens.includes(secret)) verdict = "wrong_secret";
    return { scheme: "Signature", verdict, explanation: explain(verdict, sameJson), signedString: sent, expectedWithYourSecret: expected };
  }

  const timestamps = row.attempts.map((a) => Number((a.requestHeaders as Record<string, string>)["webhook-timestamp"])).filter(Number.isFinite);
  const latest = timestamps[0] ?? Math.floor(row.createdAt.getTime() / 1000);
  const signedString = `${row.id}.${latest}.${sent}`;
  const expected = standardSignature(secret, row.id, latest, sent);
  const given = stripV1(signature);
  const matches = (token: string, ts: number, payload: string) => given.includes(standardSignature(token, row.id, ts, payload).slice(3));
  let verdict: TSignatureVerdict = "no_match";
  if (matches(secret, latest, sent)) verdict = "match";
  else if (timestamps.slice(1).some((ts) => matches(secret, ts, sent) || realTokens.some((t) => matches(t, ts, sent)))) verdict = "stale_timestamp";
  else if (realTokens.some((t) => matches(t, latest, sent))) verdict = "wrong_secret";
  else if (body !== undefined && body !== sent && matches(secret, latest, body)) verdict = "reserialized_body";
  else if (!realTokens.includes(secret)) verdict = "wrong_secret";
  return { scheme: "webhook-signature", verdict, explanation: explain(verdict, sameJson), signedString, expectedWithYourSecret: expected };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("unparseable");
  }
}

function explain(verdict: TSignatureVerdict, sameJson: boolean): string {
  switch (verdict) {
    case "match":
      return "The signature is right: this secret over these exact bytes gives it.";
    case "wrong_secret":
      return "The secret differs from the webhook's token. Copy it again from the webhook (Reveal), including the whsec_ prefix.";
    case "reserialized_body":
      return "Your signature is over a re-serialized body. Sign the raw request bytes exactly as received, before any JSON parsing.";
    case "stale_timestamp":
      return "Your signature uses the webhook-timestamp of an earlier attempt. Each attempt has its own timestamp: read it from the request you verify.";
    case "no_match":
      return sameJson
        ? "The body you pasted is the same JSON with different bytes: sign the raw bytes as received."
        : "Neither the secret nor the bytes match this delivery. Check that you verify the request of this delivery id.";
  }
}

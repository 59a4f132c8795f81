import "server-only";
import { randomBytes } from "node:crypto";
import type { TSignatureFamily } from "../validation/signature-family";
import { HOOKLINE_VERSION } from "../version";
import { signatureHeaders } from "./sign-payload";

export type TSignedRequestInput = {
  deliveryId: string;
  eventType: string;
  body: string;
  tokens: string[];
  /** The webhook's chosen signature families; absent = all. */
  signatureFamilies?: readonly TSignatureFamily[];
  httpUser?: string | null;
  httpPassword?: string | null;
  /** The webhook's own headers (lib/delivery/custom-headers.ts); Hookline's never give way to them. */
  customHeaders?: readonly { name: string; value: string }[];
  sentAt: Date;
};

export function basicAuthHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** The headers of one attempt (the webhook's own, then the chosen signatures and basic auth), shared by deliveries and Test. */
export function buildHeaders(input: TSignedRequestInput): Record<string, string> {
  const headers: Record<string, string> = {
    // First, so that nothing of Hookline's can be replaced (their names are refused on save anyway).
    ...Object.fromEntries((input.customHeaders ?? []).map((h) => [h.name, h.value])),
    "Content-Type": "application/json",
    "User-Agent": `Hookline-Webhooks/${HOOKLINE_VERSION}`,
    Event: input.eventType,
    Delivery: input.deliveryId,
    ...signatureHeaders({
      tokens: input.tokens,
      id: input.deliveryId,
      sentAt: input.sentAt,
      body: input.body,
      families: input.signatureFamilies,
      // 32 hex characters, new on every attempt, as Twenty sends it.
      nonce: randomBytes(16).toString("hex"),
    }),
  };
  if (input.httpUser) headers.Authorization = basicAuthHeader(input.httpUser, input.httpPassword ?? "");
  return headers;
}

type TEnvelopeOf = { id: string; type: string; occurredAt: Date; projectId: string | null; payload: unknown };

/** The envelope (Twenty's shape) as an object: what receivers get, and what payload filters read. */
export function envelopeObject(event: TEnvelopeOf) {
  return { id: event.id, event: event.type, timestamp: event.occurredAt.toISOString(), projectId: event.projectId, data: event.payload };
}

/** The JSON envelope: the same bytes on every retry of a delivery. */
export function envelope(event: TEnvelopeOf): string {
  return JSON.stringify(envelopeObject(event));
}

/** Stored with the attempt: what was sent, with the secrets masked (basic auth, and the webhook's own headers marked secret). */
export function maskHeaders(headers: Record<string, string>, customHeaders: readonly { name: string; isSecret: boolean }[] = []): Record<string, string> {
  const masked = { ...headers };
  const secretNames = customHeaders.filter((h) => h.isSecret).map((h) => h.name);
  for (const name of secretNames) if (name in masked) masked[name] = "••••••";
  if (masked.Authorization && !secretNames.includes("Authorization")) masked.Authorization = "Basic ••••••";
  return masked;
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { TAllowList } from "../config/allow-list";
import type { Webhook } from "../generated/prisma/client";
import { errorClassLabel } from "../validation/error-class";
import { storedSignatureFamilies, type TSignatureFamily } from "../validation/signature-family";
import type { TTestResult } from "../validation/webhook";
import { buildHeaders, envelope } from "./build-request";
import { openHeaders, storedHeaders, type TOpenHeader } from "./custom-headers";
import { sendRequest, type TSendResult } from "./send-request";
import type { TResolver } from "./ssrf/safe-lookup";
import { openSecret, signingTokens } from "./webhook-secrets";

export const SNIPPET_BYTES = 512;

export type TPingTarget = {
  url: string;
  tokens: string[];
  /** The webhook's signature families (absent = all), so the ping is signed as its deliveries are. */
  signatureFamilies?: readonly TSignatureFamily[];
  httpUser?: string | null;
  httpPassword?: string | null;
  /** The webhook's own headers, opened (secret ones only ever to its saved URL). */
  customHeaders?: readonly TOpenHeader[];
  webhookId?: string | null;
};

/** A test's event: `ping`, or an event type's example (Send example). */
export type TTestEvent = { id: string; type: string; payload: unknown; sentAt: Date; deliveryId: string };

/** Sends one signed test event now, as a delivery of it would go; gives the request's headers (to record them) and the result. */
export async function sendTestEvent(
  target: TPingTarget,
  event: TTestEvent,
  options: { allow: TAllowList; timeoutMs: number; resolver?: TResolver },
): Promise<{ headers: Record<string, string>; result: TSendResult }> {
  const body = envelope({ id: event.id, type: event.type, occurredAt: event.sentAt, projectId: null, payload: event.payload });
  const headers = buildHeaders({
    deliveryId: event.deliveryId,
    eventType: event.type,
    body,
    tokens: target.tokens,
    signatureFamilies: target.signatureFamilies,
    httpUser: target.httpUser,
    httpPassword: target.httpPassword,
    customHeaders: target.customHeaders,
    sentAt: event.sentAt,
  });
  const result = await sendRequest({
    url: target.url,
    headers,
    body,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: SNIPPET_BYTES,
    allow: options.allow,
    resolver: options.resolver,
  });
  return { headers, result };
}

/** A send's result as the Test button shows it. */
export function toTestResult(result: TSendResult): TTestResult {
  return {
    ok: result.ok,
    durationMs: result.durationMs,
    ...(result.statusCode !== null ? { status: result.statusCode } : {}),
    ...(result.errorClass ? { errorClass: result.errorClass } : {}),
    ...(result.errorMessage ? { errorMessage: result.errorMessage } : {}),
    ...(result.statusCode !== null ? { responseSnippet: result.responseBody } : {}),
  };
}

/** Sends a signed `ping` event now and reports what happened, as the Test button shows it. */
export async function sendTestPing(target: TPingTarget, options: { allow: TAllowList; timeoutMs: number; resolver?: TResolver }): Promise<TTestResult> {
  const id = randomUUID();
  const payload = { webhookId: target.webhookId ?? null, message: "Test delivery from Hookline" };
  const { result } = await sendTestEvent(target, { id, deliveryId: id, type: "ping", payload, sentAt: new Date() }, options);
  return toTestResult(result);
}

type TSavedWebhook = Pick<
  Webhook,
  | "id"
  | "url"
  | "tokenCiphertext"
  | "previousTokenCiphertext"
  | "previousTokenExpiresAt"
  | "httpUser"
  | "httpPasswordCiphertext"
  | "signatureFamilies"
  | "customHeaders"
>;

/** A saved webhook's ping, as its deliveries go: its URL, its signing tokens, families, basic auth and headers. */
export function savedPingTarget(row: TSavedWebhook): TPingTarget {
  return {
    webhookId: row.id,
    url: row.url,
    tokens: signingTokens(row),
    signatureFamilies: storedSignatureFamilies(row.signatureFamilies),
    httpUser: row.httpUser,
    httpPassword: row.httpPasswordCiphertext ? openSecret(row.httpPasswordCiphertext) : null,
    customHeaders: openHeaders(storedHeaders(row.customHeaders)),
  };
}

/**
 * Why a test failed, in words an admin reads: the class's label, the status the URL answered, or for
 * a refused address Hookline's own explanation (with how to allow it). Never the raw Node error
 * ("connect ECONNREFUSED 127.0.0.1:9"): that stays on the test's result for whoever wants it.
 */
export function describeTestFailure(result: TTestResult): string {
  if (result.ok) return "";
  if (result.errorClass === "http_status") return `the URL answered HTTP ${result.status}`;
  if (result.errorClass === "ssrf_blocked" && result.errorMessage) return result.errorMessage.replace(/^blocked: /, "");
  return result.errorClass ? errorClassLabel(result.errorClass).toLowerCase() : "unknown error";
}

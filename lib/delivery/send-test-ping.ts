import "server-only";
import { randomUUID } from "node:crypto";
import type { TAllowList } from "../config/allow-list";
import type { TSignatureFamily } from "../validation/signature-family";
import type { TTestResult } from "../validation/webhook";
import { buildHeaders, envelope } from "./build-request";
import { sendRequest } from "./send-request";
import type { TResolver } from "./ssrf/safe-lookup";

export const SNIPPET_BYTES = 512;

export type TPingTarget = {
  url: string;
  tokens: string[];
  /** The webhook's signature families (absent = all), so the ping is signed as its deliveries are. */
  signatureFamilies?: readonly TSignatureFamily[];
  httpUser?: string | null;
  httpPassword?: string | null;
  webhookId?: string | null;
};

/** Sends a signed `ping` event now and reports what happened, as the Test button shows it. */
export async function sendTestPing(target: TPingTarget, options: { allow: TAllowList; timeoutMs: number; resolver?: TResolver }): Promise<TTestResult> {
  const id = randomUUID();
  const sentAt = new Date();
  const body = envelope({
    id,
    type: "ping",
    occurredAt: sentAt,
    projectId: null,
    payload: { webhookId: target.webhookId ?? null, message: "Test delivery from Hookline" },
  });
  const headers = buildHeaders({
    deliveryId: id,
    eventType: "ping",
    body,
    tokens: target.tokens,
    signatureFamilies: target.signatureFamilies,
    httpUser: target.httpUser,
    httpPassword: target.httpPassword,
    sentAt,
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
  return {
    ok: result.ok,
    durationMs: result.durationMs,
    ...(result.statusCode !== null ? { status: result.statusCode } : {}),
    ...(result.errorClass ? { errorClass: result.errorClass } : {}),
    ...(result.errorMessage ? { errorMessage: result.errorMessage } : {}),
    ...(result.statusCode !== null ? { responseSnippet: result.responseBody } : {}),
  };
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { TTestResult } from "../validation/webhook";
import { HOOKLINE_VERSION } from "../version";
import type { TAllowList } from "./address-policy";
import type { TResolver } from "./safe-lookup";
import { sendRequest } from "./send-request";
import { signatureHeaders } from "./sign-payload";

export const SNIPPET_BYTES = 512;

export type TPingTarget = { url: string; tokens: string[]; httpUser?: string | null; httpPassword?: string | null; webhookId?: string | null };

export function basicAuthHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** Sends a signed `ping` event now and reports what happened, as the Test button shows it. */
export async function sendTestPing(target: TPingTarget, options: { allow: TAllowList; timeoutMs: number; resolver?: TResolver }): Promise<TTestResult> {
  const id = randomUUID();
  const timestamp = new Date();
  const body = JSON.stringify({
    id,
    event: "ping",
    timestamp: timestamp.toISOString(),
    projectId: null,
    data: { webhookId: target.webhookId ?? null, message: "Test delivery from Hookline" },
  });
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": `Hookline-Webhooks/${HOOKLINE_VERSION}`,
    Event: "ping",
    Delivery: id,
    ...signatureHeaders(target.tokens, id, Math.floor(timestamp.getTime() / 1000), body),
  };
  if (target.httpUser) headers.Authorization = basicAuthHeader(target.httpUser, target.httpPassword ?? "");
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

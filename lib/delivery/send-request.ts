import "server-only";
import { Agent, type Dispatcher, request } from "undici";
import type { TAllowList } from "../config/allow-list";
import type { TErrorClass } from "../validation/error-class";
import { DnsFailureError, guardedLookup, resolveVetted, SsrfBlockedError, systemResolver, type TResolver } from "./ssrf/safe-lookup";

export type TSendResult = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  errorClass: TErrorClass | null;
  errorMessage: string | null;
  responseHeaders: Record<string, string>;
  /** The response body as text, at most maxBodyBytes of it. */
  responseBody: string;
  isBodyTruncated: boolean;
};

export type TSendOptions = {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxBodyBytes: number;
  allow: TAllowList;
  resolver?: TResolver;
};

// One keep-alive pool per allow-list + resolver; its connector only dials vetted addresses.
const agents = new Map<string, Agent>();
const resolverIds = new WeakMap<TResolver, number>();
let nextResolverId = 1;
function agentFor(allow: TAllowList, resolver: TResolver): Dispatcher {
  if (!resolverIds.has(resolver)) resolverIds.set(resolver, nextResolverId++);
  const key = `${resolverIds.get(resolver)}|${[...allow.hosts].join(",")}|${allow.cidrs.map(([ip, bits]) => `${ip}/${bits}`).join(",")}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allow, resolver) as never }, keepAliveTimeout: 10_000, connections: 64 });
    agents.set(key, agent);
  }
  return agent;
}

function classify(error: unknown, didTimeOut: boolean): { errorClass: TErrorClass; message: string } {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const found = e instanceof SsrfBlockedError || e.cause instanceof SsrfBlockedError ? (e instanceof SsrfBlockedError ? e : e.cause) : null;
  if (found) return { errorClass: "ssrf_blocked", message: found.message };
  const inner = e.cause ?? e;
  if (inner instanceof DnsFailureError || e instanceof DnsFailureError) return { errorClass: "dns", message: (inner as Error).message };
  const code = inner.code ?? e.code ?? "";
  if (didTimeOut || /TIMEOUT/.test(code) || e.name === "TimeoutError" || e.name === "AbortError")
    return { errorClass: "timeout", message: "no complete response before the deadline" };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { errorClass: "dns", message: inner.message };
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || /certificate|TLS|SSL/i.test(inner.message))
    return { errorClass: "tls", message: inner.message };
  return { errorClass: "connect", message: code ? `${code}: ${inner.message}` : inner.message };
}

const BODY_CUT_AT_DEADLINE = "body still arriving at the deadline; kept what had arrived";

/**
 * Reads at most `limit` bytes, then stops reading (a huge or endless body cannot exhaust memory).
 * A body still arriving when `deadline` aborts is cut there: what arrived is kept, marked truncated.
 */
async function readCapped(
  body: Dispatcher.ResponseData["body"],
  limit: number,
  deadline: AbortSignal,
): Promise<{ text: string; isTruncated: boolean; isCutAtDeadline: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const result = (isTruncated: boolean, isCutAtDeadline = false) => ({ text: Buffer.concat(chunks).toString("utf8"), isTruncated, isCutAtDeadline });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = limit - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        body.destroy();
        return result(true);
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (!deadline.aborted && (error as NodeJS.ErrnoException).code !== "UND_ERR_BODY_TIMEOUT") throw error;
    // undici destroys the body (and with it the connection) on abort; again here so none stays open.
    body.destroy();
    return result(true, true);
  }
  return result(false);
}

/**
 * One POST with a hard deadline, redirects never followed, and the target vetted twice: before
 * sending (clear error for IP literals and bad names) and by the connector that dials the address.
 */
export async function sendRequest(options: TSendOptions): Promise<TSendResult> {
  const resolver = options.resolver ?? systemResolver;
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (errorClass: TErrorClass, message: string, partial: Partial<TSendResult> = {}): TSendResult => ({
    ok: false,
    statusCode: null,
    durationMs: elapsed(),
    errorClass,
    errorMessage: message,
    responseHeaders: {},
    responseBody: "",
    isBodyTruncated: false,
    ...partial,
  });
  try {
    const url = new URL(options.url);
    await resolveVetted(url.hostname, options.allow, resolver);
    const response = await request(url, {
      method: "POST",
      headers: options.headers,
      body: options.body,
      dispatcher: agentFor(options.allow, resolver),
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
    // The status line decides the outcome: a 2xx means the receiver has taken the delivery, even when
    // its body is still trickling at the deadline (retrying it would deliver it twice).
    const { text, isTruncated, isCutAtDeadline } = await readCapped(response.body, options.maxBodyBytes, signal);
    const base = { statusCode: response.statusCode, responseHeaders, responseBody: text, isBodyTruncated: isTruncated };
    const note = (message: string) => (isCutAtDeadline ? `${message} (${BODY_CUT_AT_DEADLINE})` : message);
    if (response.statusCode >= 300 && response.statusCode < 400) {
      return failure("redirect", note(`redirect to ${responseHeaders.location ?? "(no location)"} not followed`), base);
    }
    if (response.statusCode < 200 || response.statusCode >= 300) return failure("http_status", note(`HTTP ${response.statusCode}`), base);
    return { ok: true, durationMs: elapsed(), errorClass: null, errorMessage: isCutAtDeadline ? BODY_CUT_AT_DEADLINE : null, ...base };
  } catch (error) {
    const { errorClass, message } = classify(error, signal.aborted);
    return failure(errorClass, message);
  }
}

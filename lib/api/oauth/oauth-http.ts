import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { ApiError } from "../api-error";
import { readBoundedBytes } from "../read-json-body";
import { toApiError } from "../to-api-error";

// The OAuth endpoints' own request and error forms (RFC 6749): form-encoded parameters in, and
// `{ error, error_description }` out, never cached.

/** A token or revocation request is a handful of short parameters. */
export const OAUTH_MAX_BODY_BYTES = 16 * 1024;

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** An OAuth error answer (RFC 6749 §5.2): `{ error, error_description }`. */
export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * 429 for a caller (or a client) whose failed client authentications are locked for now. RFC 6749
 * has no code for it; slow_down is the registered token endpoint error that means it (RFC 8628).
 */
export function tooManyAttempts(retryAfterS: number): Response {
  return oauthError(429, "slow_down", `Too many failed client authentications; retry in ${retryAfterS} s`, { "retry-after": String(retryAfterS) });
}

/**
 * An error no endpoint step answered itself, in OAuth's form: the status, message and headers
 * /api/v1 would give it (a database restart: 503 with Retry-After), under RFC 6749's error codes
 * (temporarily_unavailable, server_error).
 */
export function toOAuthErrorResponse(error: unknown): Response {
  const apiError = toApiError(error, "unhandled OAuth endpoint error");
  const code = apiError.status === 503 ? "temporarily_unavailable" : apiError.status >= 500 ? "server_error" : "invalid_request";
  return oauthError(apiError.status, code, apiError.message, apiError.headers);
}

/** Form parameters of a request: each at most once (RFC 6749 §3.1), refusing anything else as invalid_request. */
export async function readFormParams(request: Request): Promise<Record<string, string> | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type))
    return oauthError(400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded");
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBytes(request, OAUTH_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof ApiError) return oauthError(error.status, "invalid_request", error.message);
    throw error;
  }
  const params = new URLSearchParams(Buffer.from(bytes).toString("utf8"));
  const out: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name in out) return oauthError(400, "invalid_request", `The parameter ${name} is repeated`);
    out[name] = value;
  }
  return out;
}

export function libraryRequest(request: Request, body: Record<string, string>): OAuth2Server.Request {
  // The library asks type-is whether there is a body, which looks for a length header; a Fetch
  // Request's body has been read already, so state one.
  const headers = { ...Object.fromEntries(request.headers), "content-length": "1" };
  return new OAuth2Server.Request({ method: request.method, headers, query: {}, body });
}

export function fetchResponse(response: OAuth2Server.Response): Response {
  return Response.json(response.body ?? {}, { status: response.status ?? 200, headers: { ...response.headers, ...NO_STORE } });
}

import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { ApiError } from "../../api/api-error";
import { readBoundedBytes } from "../../api/read-json-body";
import { oauthModel, type TOAuthUser } from "./oauth-model";

// The OAuth 2.0 protocol engine (@node-oauth/oauth2-server) behind Fetch-style routes: this file
// only translates Requests and Responses; grants, PKCE and error answers are the library's.

/** 24 hours, as Worksection's OAuth tokens. */
export const ACCESS_TOKEN_LIFETIME_S = 24 * 60 * 60;
export const REFRESH_TOKEN_LIFETIME_S = 30 * 24 * 60 * 60;
export const AUTHORIZATION_CODE_LIFETIME_S = 5 * 60;
/** A token request is a handful of short parameters. */
export const OAUTH_MAX_BODY_BYTES = 16 * 1024;

export const oauthServer = new OAuth2Server({
  model: oauthModel,
  accessTokenLifetime: ACCESS_TOKEN_LIFETIME_S,
  refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_S,
  authorizationCodeLifetime: AUTHORIZATION_CODE_LIFETIME_S,
  allowBearerTokensInQueryString: false,
});

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** An OAuth error answer (RFC 6749 §5.2): `{ error, error_description }`. */
export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...headers } });
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

function libraryRequest(request: Request, body: Record<string, string>): OAuth2Server.Request {
  // The library asks type-is whether there is a body, which looks for a length header; a Fetch
  // Request's body has been read already, so state one.
  const headers = { ...Object.fromEntries(request.headers), "content-length": "1" };
  return new OAuth2Server.Request({ method: request.method, headers, query: {}, body });
}

function fetchResponse(response: OAuth2Server.Response): Response {
  return Response.json(response.body ?? {}, { status: response.status ?? 200, headers: { ...response.headers, ...NO_STORE } });
}

/** POST /api/oauth/token: authorization_code (with PKCE), refresh_token and client_credentials. */
export async function tokenEndpoint(request: Request): Promise<Response> {
  const body = await readFormParams(request);
  if (body instanceof Response) return body;
  const response = new OAuth2Server.Response();
  try {
    await oauthServer.token(libraryRequest(request, body), response);
  } catch (error) {
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    // Some refusals come before the library fills in the response: answer from the error itself.
    return oauthError(error.code, error.name, error.message, response.headers);
  }
  return fetchResponse(response);
}

/**
 * The consent decision of a signed-in admin: where to send the browser next, the redirect URI with
 * `code` and `state` (or `error=access_denied`). Null when the request is not one to redirect
 * anywhere (unknown client, unregistered redirect URI): then the error is shown, never followed.
 */
export async function decideAuthorization(
  params: Record<string, string>,
  user: TOAuthUser,
  isApproved: boolean,
): Promise<{ redirectTo: string } | { error: string; description: string }> {
  const request = new OAuth2Server.Request({ method: "POST", headers: {}, query: {}, body: { ...params, allowed: isApproved ? "true" : "false" } });
  const response = new OAuth2Server.Response();
  try {
    await oauthServer.authorize(request, response, { authenticateHandler: { handle: () => user } });
  } catch (error) {
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    const location = response.get("location") as string | undefined;
    // invalid_client (unknown client or redirect URI) leaves no trusted place to send the browser.
    if (!location || error.name === "invalid_client") return { error: error.name, description: error.message };
    // The library's error redirect drops its parameters when the registered URI has a query of its
    // own (Node's url.format prefers `search` to `query`), so they are set here (RFC 6749 §4.1.2.1).
    const to = new URL(location);
    to.searchParams.set("error", error.name);
    to.searchParams.set("error_description", error.message);
    if (params.state) to.searchParams.set("state", params.state);
    return { redirectTo: to.toString() };
  }
  return { redirectTo: String(response.get("location")) };
}

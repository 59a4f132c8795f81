import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { oauthServer } from "../../server/oauth/oauth-server";
import { beginCredentialCheck } from "../credential-throttle";
import { readClientCredentials } from "./client-credentials";
import { fetchResponse, libraryRequest, oauthError, readFormParams, toOAuthErrorResponse, tooManyAttempts } from "./oauth-http";

/**
 * POST /api/oauth/token: authorization_code (with PKCE), refresh_token and client_credentials. The
 * library reads the client's credentials and the model authenticates them (a confidential client
 * with its secret on every grant, lib/server/oauth/authenticate-client.ts); refused here first is a
 * request authenticating two ways at once, and one from a caller or for a client whose failed
 * client authentications are throttled (lib/api/credential-throttle.ts).
 */
export async function tokenEndpoint(request: Request): Promise<Response> {
  try {
    return await answerTokenRequest(request);
  } catch (error) {
    return toOAuthErrorResponse(error);
  }
}

async function answerTokenRequest(request: Request): Promise<Response> {
  const body = await readFormParams(request);
  if (body instanceof Response) return body;
  const credentials = readClientCredentials(request, body);
  if (credentials instanceof Response) return credentials;
  const check = await beginCredentialCheck(request, credentials.id ?? null);
  if (check.isLocked) return tooManyAttempts(check.retryAfterS);
  const response = new OAuth2Server.Response();
  try {
    await oauthServer.token(libraryRequest(request, body), response);
  } catch (error) {
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    // The library wraps whatever the model threw (a database restart, a bug) as server_error, with
    // its text: that is answered as /api/v1 answers the original, never with the text.
    if (error.name === "server_error") throw (error as { inner?: unknown }).inner ?? error;
    // Only a failed client authentication counts; a bad code or refresh token came from a client that proved itself.
    if (error.name === "invalid_client") await check.failed();
    // Some refusals come before the library fills in the response: answer from the error itself.
    return oauthError(error.code, error.name, error.message, response.headers);
  }
  return fetchResponse(response);
}

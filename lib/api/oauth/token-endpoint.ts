import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { oauthServer } from "../../server/oauth/oauth-server";
import { readClientCredentials } from "./client-credentials";
import { fetchResponse, libraryRequest, oauthError, readFormParams } from "./oauth-http";

/**
 * POST /api/oauth/token: authorization_code (with PKCE), refresh_token and client_credentials. The
 * library reads the client's credentials and the model authenticates them (a confidential client
 * with its secret on every grant, lib/server/oauth/authenticate-client.ts); refused here first is a
 * request authenticating two ways at once.
 */
export async function tokenEndpoint(request: Request): Promise<Response> {
  const body = await readFormParams(request);
  if (body instanceof Response) return body;
  const twoWays = readClientCredentials(request, body);
  if (twoWays instanceof Response) return twoWays;
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

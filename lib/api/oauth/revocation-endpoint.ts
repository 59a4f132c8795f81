import "server-only";
import { authenticateClient } from "../../server/oauth/authenticate-client";
import { revokeClientToken } from "../../server/oauth/oauth-apps";
import { beginCredentialCheck } from "../credential-throttle";
import { readClientCredentials } from "./client-credentials";
import { oauthError, readFormParams, toOAuthErrorResponse, tooManyAttempts } from "./oauth-http";

/**
 * POST /api/oauth/revoke (RFC 7009): the client says a token of its own is no longer needed. An
 * access or a refresh token ends its whole grant. The client authenticates as at the token endpoint
 * (a confidential one with its secret, RFC 7009 §2.1), throttled the same way. An unknown token, or
 * another client's, still gets 200: the answer never tells a caller whether a token existed.
 */
export async function revocationEndpoint(request: Request): Promise<Response> {
  try {
    return await answerRevocation(request);
  } catch (error) {
    return toOAuthErrorResponse(error);
  }
}

async function answerRevocation(request: Request): Promise<Response> {
  const body = await readFormParams(request);
  if (body instanceof Response) return body;
  const credentials = readClientCredentials(request, body);
  if (credentials instanceof Response) return credentials;
  const check = await beginCredentialCheck(request, credentials.id ?? null);
  if (check.isLocked) return tooManyAttempts(check.retryAfterS);
  const client = await authenticateClient(credentials.id, credentials.secret);
  if (!client) {
    await check.failed();
    return oauthError(401, "invalid_client", "Unknown client or wrong client secret", { "www-authenticate": 'Basic realm="hookline"' });
  }
  if (!body.token) return oauthError(400, "invalid_request", "Missing parameter: token");
  await revokeClientToken(client.id, body.token);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}

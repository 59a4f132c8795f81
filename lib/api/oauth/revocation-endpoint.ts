import "server-only";
import { revokeClientToken } from "../../server/oauth/oauth-apps";
import { oauthModel } from "../../server/oauth/oauth-model";
import { oauthError, readFormParams } from "./oauth-http";

/** Client credentials of a request: HTTP Basic (RFC 6749 §2.3.1), else client_id / client_secret in the body. */
function clientCredentials(request: Request, body: Record<string, string>): { id?: string; secret?: string } {
  const basic = /^basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: body.client_id, secret: body.client_secret };
}

/**
 * POST /api/oauth/revoke (RFC 7009): the client says a token of its own is no longer needed. An
 * access or a refresh token ends its whole grant (both). An unknown token, or another client's,
 * still gets 200: the answer never tells a caller whether a token existed.
 */
export async function revocationEndpoint(request: Request): Promise<Response> {
  const body = await readFormParams(request);
  if (body instanceof Response) return body;
  let client: Awaited<ReturnType<typeof oauthModel.getClient>>;
  try {
    const { id, secret } = clientCredentials(request, body);
    client = id ? await oauthModel.getClient(id, secret as string) : false; // no secret: a public client (PKCE) names itself
  } catch (error) {
    if (error instanceof URIError) client = false;
    else throw error;
  }
  if (!client) return oauthError(401, "invalid_client", "Unknown client or wrong client secret", { "www-authenticate": 'Basic realm="hookline"' });
  if (!body.token) return oauthError(400, "invalid_request", "Missing parameter: token");
  await revokeClientToken(client.id, body.token);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}

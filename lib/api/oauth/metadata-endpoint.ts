import "server-only";
import { env } from "../../env";
import { authorizationServerMetadata } from "../../server/oauth/metadata";
import { hasPublicOAuthApps } from "../../server/oauth/oauth-apps";

/** GET /.well-known/oauth-authorization-server (RFC 8414). */
export async function metadataEndpoint(request: Request): Promise<Response> {
  const origin = env().NEXTAUTH_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
  const document = authorizationServerMetadata(origin, await hasPublicOAuthApps());
  // Minutes, not an hour: registering the first public client adds "none".
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}

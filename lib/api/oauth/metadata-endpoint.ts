import "server-only";
import { env } from "../../env";
import { publicOrigin } from "../../http/public-origin";
import { authorizationServerMetadata } from "../../server/oauth/metadata";

/**
 * GET /.well-known/oauth-authorization-server (RFC 8414). The issuer is the site's public origin
 * (HOOKLINE_PUBLIC_URL, else the origin the document was fetched from): RFC 8414 §3.3 has a client
 * refuse a document whose issuer is not the URL it fetched it under.
 */
export async function metadataEndpoint(request: Request): Promise<Response> {
  const { HOOKLINE_PUBLIC_URL, HOOKLINE_TRUST_PROXY } = env();
  const origin = publicOrigin(request, HOOKLINE_PUBLIC_URL, HOOKLINE_TRUST_PROXY);
  const document = authorizationServerMetadata(origin);
  // A document naming the host it was asked under is for that asker only, never for a shared cache
  // to hand to another.
  const cacheControl = HOOKLINE_PUBLIC_URL ? "public, max-age=300" : "private, max-age=300";
  return Response.json(document, { headers: { "cache-control": cacheControl } });
}

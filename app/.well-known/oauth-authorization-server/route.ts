import { env } from "@/lib/env";
import { authorizationServerMetadata } from "@/lib/server/oauth/metadata";

// RFC 8414: where a client finds the endpoints. The issuer is NEXTAUTH_URL when set (the public URL
// behind a proxy), else the URL this request came to.
export function GET(request: Request): Response {
  const origin = env().NEXTAUTH_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
  return Response.json(authorizationServerMetadata(origin), { headers: { "cache-control": "public, max-age=3600" } });
}

import { toErrorResponse } from "@/lib/api/with-admin";
import { revocationEndpoint } from "@/lib/server/oauth/revoke-token";

// OAuth 2.0 token revocation (RFC 7009).
export async function POST(request: Request): Promise<Response> {
  return revocationEndpoint(request).catch(toErrorResponse);
}

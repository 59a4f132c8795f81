import { revocationEndpoint } from "@/lib/api/oauth/revocation-endpoint";
import { toErrorResponse } from "@/lib/api/with-admin";

// OAuth 2.0 token revocation (RFC 7009).
export async function POST(request: Request): Promise<Response> {
  return revocationEndpoint(request).catch(toErrorResponse);
}

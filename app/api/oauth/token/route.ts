import { tokenEndpoint } from "@/lib/api/oauth/token-endpoint";
import { toErrorResponse } from "@/lib/api/with-admin";

// OAuth 2.0 token endpoint (RFC 6749 §3.2): authorization_code with PKCE, refresh_token, client_credentials.
export async function POST(request: Request): Promise<Response> {
  return tokenEndpoint(request).catch(toErrorResponse);
}

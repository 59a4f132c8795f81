import { toErrorResponse } from "@/lib/api/with-admin";
import { tokenEndpoint } from "@/lib/server/oauth/oauth-server";

// OAuth 2.0 token endpoint (RFC 6749 §3.2): authorization_code with PKCE, refresh_token, client_credentials.
export async function POST(request: Request): Promise<Response> {
  return tokenEndpoint(request).catch(toErrorResponse);
}

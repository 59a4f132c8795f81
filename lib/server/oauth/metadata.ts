import "server-only";
import { SCOPES } from "../../validation/scopes";

/** How confidential clients authenticate at the token and revocation endpoints (lib/api/oauth/client-credentials.ts). */
const SECRET_METHODS = ["client_secret_basic", "client_secret_post"] as const;

/**
 * RFC 8414 authorization server metadata, for the issuer at `origin` (the app's public origin): what
 * a client library reads to find the endpoints and what they support. The client authentication
 * methods are those the server accepts: the secrets of confidential clients, and `none` for public
 * ones (PKCE, no secret), which any workspace may register, whether or not one exists yet.
 */
export function authorizationServerMetadata(origin: string) {
  const authMethods = [...SECRET_METHODS, "none"];
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/api/oauth/token`,
    revocation_endpoint: `${origin}/api/oauth/revoke`,
    scopes_supported: [...SCOPES],
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_methods_supported: authMethods,
    service_documentation: `${origin}/settings/api-docs`,
  };
}

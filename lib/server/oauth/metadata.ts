import "server-only";
import { SCOPES } from "../../validation/scopes";

/** How confidential clients authenticate at the token and revocation endpoints (lib/api/oauth/client-credentials.ts). */
const SECRET_METHODS = ["client_secret_basic", "client_secret_post"] as const;

/**
 * RFC 8414 authorization server metadata, for the issuer at `origin` (the app's public origin): what
 * a client library reads to find the endpoints and what they support. The client authentication
 * methods are exactly those accepted: `none` only while a public client exists to use it.
 */
export function authorizationServerMetadata(origin: string, hasPublicClients: boolean) {
  const authMethods = hasPublicClients ? [...SECRET_METHODS, "none"] : [...SECRET_METHODS];
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

import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { errorRedirect } from "./error-redirect";
import { authorizeModel, oauthModel, type TOAuthUser } from "./oauth-model";
import { ScopeCheckedRefreshTokenGrant } from "./refresh-token-grant";

// The OAuth 2.0 protocol engine (@node-oauth/oauth2-server), configured with Hookline's storage and
// lifetimes; grants, PKCE and error answers are the library's. Its HTTP edges are lib/api/oauth/.

/** 24 hours, as Worksection's OAuth tokens. */
export const ACCESS_TOKEN_LIFETIME_S = 24 * 60 * 60;
export const REFRESH_TOKEN_LIFETIME_S = 30 * 24 * 60 * 60;
export const AUTHORIZATION_CODE_LIFETIME_S = 5 * 60;

/** The token endpoint's engine. */
export const oauthServer = new OAuth2Server({
  model: oauthModel,
  accessTokenLifetime: ACCESS_TOKEN_LIFETIME_S,
  refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_S,
  allowBearerTokensInQueryString: false,
  // Whether a client must send a secret depends on the client, not the grant: a confidential one
  // always, a public one never. So the library is told no grant requires one (it then passes a bare
  // client_id on), and the model's getClient refuses a confidential client without its secret.
  requireClientAuthentication: { authorization_code: false, refresh_token: false, client_credentials: false },
  extendedGrantTypes: { refresh_token: ScopeCheckedRefreshTokenGrant },
});

/** The authorization endpoint's engine: its model looks the client up without authenticating it. */
const authorizationServer = new OAuth2Server({
  model: authorizeModel,
  authorizationCodeLifetime: AUTHORIZATION_CODE_LIFETIME_S,
  allowBearerTokensInQueryString: false,
});

/**
 * The consent decision of a signed-in admin: where to send the browser next, the redirect URI with
 * `code` and `state` (or `error=access_denied`). Null when the request is not one to redirect
 * anywhere (unknown client, unregistered redirect URI): then the error is shown, never followed.
 */
export async function decideAuthorization(
  params: Record<string, string>,
  user: TOAuthUser,
  isApproved: boolean,
): Promise<{ redirectTo: string } | { error: string; description: string }> {
  const request = new OAuth2Server.Request({ method: "POST", headers: {}, query: {}, body: { ...params, allowed: isApproved ? "true" : "false" } });
  const response = new OAuth2Server.Response();
  try {
    await authorizationServer.authorize(request, response, { authenticateHandler: { handle: () => user } });
  } catch (error) {
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    const location = response.get("location") as string | undefined;
    // invalid_client (unknown client or redirect URI) leaves no trusted place to send the browser.
    if (!location || error.name === "invalid_client") return { error: error.name, description: error.message };
    // The library's error redirect drops its parameters when the registered URI has a query of its
    // own (Node's url.format prefers `search` to `query`), so they are set here (RFC 6749 §4.1.2.1).
    return { redirectTo: errorRedirect(location, error.name, error.message, params.state) };
  }
  return { redirectTo: String(response.get("location")) };
}

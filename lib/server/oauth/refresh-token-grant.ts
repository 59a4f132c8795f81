import "server-only";
import type OAuth2Server from "@node-oauth/oauth2-server";
import RefreshTokenGrantType from "@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type";

/**
 * The library's refresh_token grant with its steps reordered: the requested scope is checked before
 * the refresh token is rotated. The library rotates first, so a refresh asking for more than was
 * granted answered invalid_scope having already ended the pair the client still held.
 */
export class ScopeCheckedRefreshTokenGrant extends RefreshTokenGrantType {
  async handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token> {
    const token = await this.getRefreshToken(request, client);
    const scope = this.getScope(request, token);
    await this.revokeToken(token);
    return this.saveToken(token.user, client, scope);
  }
}

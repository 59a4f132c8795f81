// The library exports only AbstractGrantType; its refresh grant is extended in
// lib/server/oauth/refresh-token-grant.ts. These are the methods used there (lib/grant-types/refresh-token-grant-type.js, 5.x).
declare module "@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type" {
  import OAuth2Server from "@node-oauth/oauth2-server";

  export default class RefreshTokenGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.RefreshToken>;
    revokeToken(token: OAuth2Server.RefreshToken): Promise<OAuth2Server.RefreshToken>;
    /** Of a refresh request: the scope asked for, which must be within the refresh token's (else InvalidScopeError). */
    getScope(request: OAuth2Server.Request, token?: OAuth2Server.RefreshToken): string[];
    saveToken(user: OAuth2Server.User, client: OAuth2Server.Client, scope: string[]): Promise<OAuth2Server.Token>;
  }
}

import "server-only";
import { timingSafeEqual } from "node:crypto";
import type OAuth2Server from "@node-oauth/oauth2-server";
import { generateOAuthCredential, hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import { grantsAny, knownScopes, requestedScopes, type TScope } from "../../validation/scopes";

// The storage half of the OAuth 2.0 server: @node-oauth/oauth2-server runs the protocol (grants,
// PKCE, expiry, error answers) and calls these to find and keep clients, codes and tokens. Every
// secret is stored as its SHA-256 only; the library sees the plain values just long enough to answer.

type TModel = OAuth2Server.AuthorizationCodeModel & OAuth2Server.ClientCredentialsModel & OAuth2Server.RefreshTokenModel;
type TAppRow = { id: string; clientId: string; secretHash: string; redirectUris: string[]; scopes: string[] };
/** The library's user: an admin who approved, or the application itself for client credentials. */
export type TOAuthUser = { id: string | null };

const GRANTS = ["authorization_code", "refresh_token", "client_credentials"];

function toClient(app: TAppRow): OAuth2Server.Client {
  return { id: app.id, clientId: app.clientId, redirectUris: app.redirectUris, grants: GRANTS, scopes: knownScopes(app.scopes) };
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const oauthModel: TModel = {
  async getClient(clientId, clientSecret) {
    if (typeof clientId !== "string" || clientId.length > 200) return false;
    const app = await (await getDb()).oAuthApp.findUnique({ where: { clientId } });
    // A revoked application (its creator is no longer an admin) mints, refreshes and exchanges nothing.
    if (!app || app.revokedAt) return false;
    // The authorize step looks the client up without a secret; the token endpoint always sends one.
    if (clientSecret !== null && clientSecret !== undefined && !sameHash(hashApiKey(String(clientSecret)), app.secretHash)) return false;
    return toClient(app);
  },

  async validateScope(_user, client, scope) {
    return requestedScopes(client.scopes as TScope[], scope?.join(" ")) ?? false;
  },

  async generateAuthorizationCode() {
    return generateOAuthCredential("code");
  },
  async generateAccessToken() {
    return generateOAuthCredential("accessToken");
  },
  async generateRefreshToken() {
    return generateOAuthCredential("refreshToken");
  },

  async saveAuthorizationCode(code, client, user) {
    const u = user as TOAuthUser;
    if (!u.id || !code.codeChallenge || !code.codeChallengeMethod) return false; // PKCE is checked before this; never store a code without it
    await (await getDb()).oAuthCode.create({
      data: {
        codeHash: hashApiKey(code.authorizationCode),
        appId: client.id,
        userId: u.id,
        redirectUri: code.redirectUri,
        scopes: code.scope ?? [],
        codeChallenge: code.codeChallenge,
        codeChallengeMethod: code.codeChallengeMethod,
        expiresAt: code.expiresAt,
      },
    });
    return { ...code, client, user };
  },

  async getAuthorizationCode(authorizationCode) {
    const row = await (await getDb()).oAuthCode.findUnique({ where: { codeHash: hashApiKey(authorizationCode) }, include: { app: true } });
    if (!row) return false;
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: knownScopes(row.scopes),
      client: toClient(row.app),
      user: { id: row.userId } satisfies TOAuthUser,
      codeChallenge: row.codeChallenge,
      codeChallengeMethod: row.codeChallengeMethod,
    };
  },

  /** Single use: deleting it is the revocation, and a second exchange of the same code finds nothing. */
  async revokeAuthorizationCode(code) {
    const { count } = await (await getDb()).oAuthCode.deleteMany({ where: { codeHash: hashApiKey(code.authorizationCode) } });
    return count === 1;
  },

  async saveToken(token, client, user) {
    const u = user as TOAuthUser;
    await (await getDb()).oAuthToken.create({
      data: {
        appId: client.id,
        userId: u.id,
        accessTokenHash: hashApiKey(token.accessToken),
        accessTokenExpiresAt: token.accessTokenExpiresAt ?? new Date(),
        refreshTokenHash: token.refreshToken ? hashApiKey(token.refreshToken) : null,
        refreshTokenExpiresAt: token.refreshToken ? (token.refreshTokenExpiresAt ?? null) : null,
        scopes: token.scope ?? [],
        grantType: u.id ? "authorization_code" : "client_credentials",
      },
    });
    return { ...token, client, user };
  },

  /** Used by the library's authenticate(); the API itself checks tokens in authenticate-access-token.ts. */
  async getAccessToken(accessToken) {
    const row = await (await getDb()).oAuthToken.findUnique({ where: { accessTokenHash: hashApiKey(accessToken) }, include: { app: true } });
    if (!row || row.revokedAt) return false;
    return { accessToken, accessTokenExpiresAt: row.accessTokenExpiresAt, scope: knownScopes(row.scopes), client: toClient(row.app), user: { id: row.userId } };
  },

  async getRefreshToken(refreshToken) {
    const row = await (await getDb()).oAuthToken.findUnique({ where: { refreshTokenHash: hashApiKey(refreshToken) }, include: { app: true } });
    if (!row || row.revokedAt || !row.refreshTokenExpiresAt) return false;
    return {
      refreshToken,
      refreshTokenExpiresAt: row.refreshTokenExpiresAt,
      scope: knownScopes(row.scopes),
      client: toClient(row.app),
      user: { id: row.userId } satisfies TOAuthUser,
    };
  },

  /** Refreshing rotates: the old refresh token and the access token issued with it stop at once. */
  async revokeToken(token) {
    const { count } = await (await getDb()).oAuthToken.updateMany({
      where: { refreshTokenHash: hashApiKey(token.refreshToken), revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count === 1;
  },

  /** Client credentials: the application acts as itself, with no admin behind it. */
  async getUserFromClient() {
    return { id: null } satisfies TOAuthUser;
  },

  async verifyScope(token, scope) {
    return grantsAny(knownScopes(token.scope ?? []), knownScopes(scope));
  },
};

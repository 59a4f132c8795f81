import "server-only";
import type OAuth2Server from "@node-oauth/oauth2-server";
import { generateOAuthCredential, hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import type { TOAuthClientType } from "../../validation/oauth";
import { grantsAny, knownScopes, requestedScopes, type TScope } from "../../validation/scopes";
import { authenticateClient, findClient, type TClientApp } from "./authenticate-client";
import { revokeGrant } from "./revoke-grant";

// The storage half of the OAuth 2.0 server: @node-oauth/oauth2-server runs the protocol (grants,
// PKCE, expiry, error answers) and calls these to find and keep clients, codes and tokens. Every
// secret is stored as its SHA-256 only; the library sees the plain values just long enough to answer.
// The endpoints are the installation's (a client names itself by client_id, unique everywhere): the
// database here is unscoped, and every code and token takes its application's workspace.

type TModel = OAuth2Server.AuthorizationCodeModel & OAuth2Server.ClientCredentialsModel & OAuth2Server.RefreshTokenModel;
/**
 * The library's user: an admin who approved, or null for the application itself (client
 * credentials); and the grant a code or refresh token belongs to, which the library hands back to
 * saveToken, so a new pair joins the grant it came from.
 */
export type TOAuthUser = { id: string | null; grantId?: string };

const GRANTS: Record<TOAuthClientType, string[]> = {
  confidential: ["authorization_code", "refresh_token", "client_credentials"],
  // Without a secret, a public client's "client credentials" would be its public client_id alone.
  public: ["authorization_code", "refresh_token"],
};

/** The library's client, with the workspace its codes and tokens belong to (the application's). */
type TClient = OAuth2Server.Client & { workspaceId: string };

function toClient(app: TClientApp): TClient {
  // Written onto every code and token: without it they would land in the column's default workspace.
  if (!app.workspaceId) throw new Error(`OAuth application ${app.id} was read without its workspace`);
  return {
    id: app.id,
    clientId: app.clientId,
    redirectUris: app.redirectUris,
    grants: GRANTS[app.clientType],
    scopes: knownScopes(app.scopes),
    workspaceId: app.workspaceId,
  };
}

export const oauthModel: TModel = {
  /** The token endpoint's client, authenticated as its type requires (authenticate-client.ts). */
  async getClient(clientId, clientSecret) {
    const app = await authenticateClient(clientId, clientSecret);
    return app ? toClient(app) : false;
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
        workspaceId: (client as TClient).workspaceId,
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

  /** A code exchanged before is a replay (RFC 6749 §4.1.2): the grant it started ends, and this exchange fails. */
  async getAuthorizationCode(authorizationCode) {
    const row = await (await getDb()).oAuthCode.findUnique({ where: { codeHash: hashApiKey(authorizationCode) }, include: { app: true } });
    if (!row) return false;
    if (row.usedAt) {
      await revokeGrant(row.id);
      return false;
    }
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: knownScopes(row.scopes),
      client: toClient(row.app),
      user: { id: row.userId, grantId: row.id } satisfies TOAuthUser,
      codeChallenge: row.codeChallenge,
      codeChallengeMethod: row.codeChallengeMethod,
    };
  },

  /**
   * Single use: the code is marked used (kept, so a second exchange is recognised). Losing the race
   * to a simultaneous exchange of the same code is that replay too.
   */
  async revokeAuthorizationCode(code) {
    const { count } = await (await getDb()).oAuthCode.updateMany({
      where: { codeHash: hashApiKey(code.authorizationCode), usedAt: null },
      data: { usedAt: new Date() },
    });
    const { grantId } = code.user as TOAuthUser;
    if (count === 0 && grantId) await revokeGrant(grantId);
    return count === 1;
  },

  async saveToken(token, client, user) {
    const u = user as TOAuthUser;
    await (await getDb()).oAuthToken.create({
      data: {
        grantId: u.grantId, // a new grant (the default) for client credentials
        appId: client.id,
        workspaceId: (client as TClient).workspaceId,
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
    const user: TOAuthUser = { id: row.userId, grantId: row.grantId };
    return { accessToken, accessTokenExpiresAt: row.accessTokenExpiresAt, scope: knownScopes(row.scopes), client: toClient(row.app), user };
  },

  /** A refresh token already rotated is a replay: its grant ends (every rotation of it), and this refresh fails. */
  async getRefreshToken(refreshToken) {
    const row = await (await getDb()).oAuthToken.findUnique({ where: { refreshTokenHash: hashApiKey(refreshToken) }, include: { app: true } });
    if (!row) return false;
    if (row.rotatedAt) {
      await revokeGrant(row.grantId);
      return false;
    }
    if (row.revokedAt || !row.refreshTokenExpiresAt) return false;
    return {
      refreshToken,
      refreshTokenExpiresAt: row.refreshTokenExpiresAt,
      scope: knownScopes(row.scopes),
      client: toClient(row.app),
      user: { id: row.userId, grantId: row.grantId } satisfies TOAuthUser,
    };
  },

  /**
   * Refreshing rotates: the old refresh token and the access token issued with it stop at once, and
   * the row stays, marked rotated, to recognise a replay. Two refreshes racing with one token are
   * that replay too.
   */
  async revokeToken(token) {
    const now = new Date();
    const { count } = await (await getDb()).oAuthToken.updateMany({
      where: { refreshTokenHash: hashApiKey(token.refreshToken), revokedAt: null },
      data: { revokedAt: now, rotatedAt: now },
    });
    const { grantId } = token.user as TOAuthUser;
    if (count === 0 && grantId) await revokeGrant(grantId, now);
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

/**
 * The authorization endpoint's model: it names its client by client_id and never authenticates it
 * (RFC 6749 §4.1.1); the code it issues is only good at the token endpoint, which does.
 */
export const authorizeModel: TModel = {
  ...oauthModel,
  async getClient(clientId) {
    const app = await findClient(clientId);
    return app ? toClient(app) : false;
  },
};

import "server-only";
import { timingSafeEqual } from "node:crypto";
import { hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import type { TOAuthClientType } from "../../validation/oauth";

// Who is calling the token and revocation endpoints (RFC 6749 §2.3, §3.2.1). A confidential client
// proves itself with its secret on every call, whatever the grant: a code or refresh token read at
// its redirect URI or in its logs is not enough to act as it. A public client has no secret to
// prove anything with (token_endpoint_auth_method "none"); what stands in for one is PKCE and
// redirect URIs only its own device receives (lib/validation/oauth.ts).

export type TClientApp = {
  id: string;
  clientId: string;
  clientType: TOAuthClientType;
  secretHash: string | null;
  redirectUris: string[];
  scopes: string[];
  workspaceId: string;
};

const CLIENT_SELECT = { id: true, clientId: true, clientType: true, secretHash: true, redirectUris: true, scopes: true, workspaceId: true } as const;

/** Both are hex SHA-256 digests; comparing them in constant time leaks nothing about the stored one. */
function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The registered application with this client_id, unauthenticated: the authorization endpoint only names its client. */
export async function findClient(clientId: unknown): Promise<TClientApp | null> {
  if (typeof clientId !== "string" || clientId === "" || clientId.length > 200) return null;
  const app = await (await getDb()).oAuthApp.findUnique({ where: { clientId }, select: { ...CLIENT_SELECT, revokedAt: true } });
  // A revoked application (its creator is no longer an admin) mints, refreshes, exchanges and revokes nothing.
  if (!app || app.revokedAt) return null;
  const { revokedAt: _revoked, ...client } = app;
  return client;
}

/**
 * The application when the caller is it: a confidential client with its own secret, or a public
 * client with none (a secret sent for a public client means the caller is confused about who it is).
 * Null otherwise, and the caller answers invalid_client.
 */
export async function authenticateClient(clientId: unknown, clientSecret: unknown): Promise<TClientApp | null> {
  const app = await findClient(clientId);
  if (!app) return null;
  const secret = typeof clientSecret === "string" && clientSecret !== "" ? clientSecret : null;
  if (app.clientType === "public") return secret === null ? app : null;
  return secret !== null && app.secretHash !== null && sameHash(hashApiKey(secret), app.secretHash) ? app : null;
}

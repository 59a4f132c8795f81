import "server-only";
import { getToken } from "next-auth/jwt";
import { isFramingAllowed } from "../auth/cookie-options";
import { sessionUser, type TSessionUser } from "../auth/session-user";
import type { TWorkspaceRef } from "../db/workspace-context";
import { env } from "../env";
import { isSameOrigin } from "../http/same-origin";
import { instanceSecrets } from "../instance-secrets";
import { authenticateApiKey } from "../server/api-keys/authenticate-api-key";
import { authenticateAccessToken } from "../server/oauth/authenticate-access-token";
import type { TActor } from "../validation/actor";
import { ApiError } from "./api-error";

export type { TActor };

/** A credential's actor and the workspace it belongs to (it acts only there). */
export type TBearer = { actor: Exclude<TActor, { kind: "session" | "system" }>; workspace: TWorkspaceRef };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(raw);
    } catch {
      out[part.slice(0, eq).trim()] = raw; // a malformed %-escape is not ours; it just won't verify
    }
  }
  return out;
}

/** The still-current user of this request's next-auth session cookie (not from global request state). */
async function requestSessionUser(request: Request): Promise<TSessionUser | null> {
  const token = await getToken({
    req: { cookies: parseCookies(request.headers.get("cookie")), headers: {} } as never,
    secret: instanceSecrets().authSecret,
    // Framed settings use next-auth's __Secure- cookie names (lib/auth/cookie-options.ts).
    secureCookie: isFramingAllowed() || (env().NEXTAUTH_URL?.startsWith("https://") ?? false),
  });
  return sessionUser(token);
}

/** Cookie-authenticated writes must come from our own pages (CSRF): lib/http/same-origin.ts. */
function isFromOurPages(request: Request): boolean {
  const h = request.headers;
  const e = env();
  return isSameOrigin(
    {
      origin: h.get("origin"),
      host: h.get("host") ?? new URL(request.url).host,
      forwardedHost: h.get("x-forwarded-host"),
      forwardedProto: h.get("x-forwarded-proto"),
    },
    e.HOOKLINE_TRUST_PROXY,
    e.NEXTAUTH_URL,
  );
}

/** An API key or an OAuth access token, told apart by their prefixes; null when neither is live. */
export async function authenticateBearer(credential: string): Promise<TBearer | null> {
  const token = await authenticateAccessToken(credential);
  if (token) return { actor: { kind: "oauth", tokenId: token.tokenId, appId: token.appId, scopes: token.scopes }, workspace: token.workspace };
  const key = await authenticateApiKey(credential);
  return key ? { actor: { kind: "api_key", apiKeyId: key.id, scopes: key.scopes }, workspace: key.workspace } : null;
}

/** Who calls: a credential (with its workspace), or a signed-in user (whose workspace the caller resolves). */
export type TCaller = TBearer | { actor: { kind: "session"; userId: string }; user: TSessionUser };

/**
 * Bearer API key or OAuth access token, or the session cookie. Throws 401 without valid credentials, 403 for a
 * cross-site cookie write. `allowApiKey: false` is for routes that mint keys. Whether the session's user may act
 * (an admin of its workspace, an operator) is the wrapper's question (lib/api/resolve-workspace.ts).
 */
export async function authenticateRequest(request: Request, { allowApiKey = true } = {}): Promise<TCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !key) throw ApiError.unauthorized("Use Authorization: Bearer <API key or OAuth access token>");
    const bearer = await authenticateBearer(key);
    if (!bearer) throw ApiError.unauthorized("Unknown, expired or revoked API key or access token", true);
    if (!allowApiKey) throw new ApiError(403, "forbidden", "API keys and OAuth tokens cannot manage credentials; sign in as an admin");
    return bearer;
  }
  // Re-read from the database: the token may predate a role change, a sign-out or a new password.
  const user = await requestSessionUser(request);
  if (!user) throw ApiError.unauthorized("Sign in, or send Authorization: Bearer <API key or OAuth access token>");
  if (!SAFE_METHODS.has(request.method) && !isFromOurPages(request)) throw new ApiError(403, "cross_origin", "Cross-site request refused");
  return { actor: { kind: "session", userId: user.id }, user };
}

/** The signed-in admin behind a session-only operation (withAdmin has refused API keys and tokens there already). */
export function sessionUserId(actor: TActor): string {
  if (actor.kind !== "session") throw new ApiError(403, "forbidden", "Only a signed-in admin can do this");
  return actor.userId;
}

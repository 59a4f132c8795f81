import "server-only";
import { getToken } from "next-auth/jwt";
import { getDb } from "../db";
import { env } from "../env";
import { instanceSecrets } from "../instance-secrets";
import { authenticateApiKey } from "../server/api-keys/authenticate-api-key";
import { ApiError } from "./api-error";

export type TActor = { kind: "api_key"; apiKeyId: string } | { kind: "session"; userId: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/** The signed-in user's id from the next-auth session cookie of this request (not from global request state). */
async function sessionUserId(request: Request): Promise<string | null> {
  const token = await getToken({
    req: { cookies: parseCookies(request.headers.get("cookie")), headers: {} } as never,
    secret: instanceSecrets().authSecret,
    secureCookie: env().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  return typeof token?.uid === "string" ? token.uid : null;
}

/** Cookie-authenticated writes must come from our own pages (CSRF): Origin must be this host. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Bearer API key, or the admin's session cookie. Throws 401 without valid credentials, 403 for a
 * signed-in non-admin or a cross-site cookie write. `allowApiKey: false` is for routes that mint keys.
 */
export async function authenticateRequest(request: Request, { allowApiKey = true } = {}): Promise<TActor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !key) throw new ApiError(401, "unauthorized", "Use Authorization: Bearer <api key>");
    const found = await authenticateApiKey(key);
    if (!found) throw new ApiError(401, "unauthorized", "Unknown or revoked API key");
    if (!allowApiKey) throw new ApiError(403, "forbidden", "API keys cannot manage API keys; sign in as an admin");
    return { kind: "api_key", apiKeyId: found.id };
  }
  const userId = await sessionUserId(request);
  if (!userId) throw new ApiError(401, "unauthorized", "Sign in, or send Authorization: Bearer <api key>");
  // Re-read the role: the session token may predate a role change.
  const user = await (await getDb()).user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw new ApiError(401, "unauthorized", "Your account no longer exists");
  if (user.role !== "ADMIN") throw new ApiError(403, "forbidden", "Only site admins can use the admin API");
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) throw new ApiError(403, "cross_origin", "Cross-site request refused");
  return { kind: "session", userId: user.id };
}

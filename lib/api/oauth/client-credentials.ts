import "server-only";
import { oauthError } from "./oauth-http";

export type TClientCredentials = { id?: string; secret?: string };

const BASIC = /^basic\s+(\S+)$/i;

/**
 * The client's credentials in a token or revocation request: HTTP Basic (client_secret_basic,
 * RFC 6749 §2.3.1), else client_id / client_secret in the body (client_secret_post), else a bare
 * client_id (a public client, "none"). A request using Basic and a body secret at once is refused:
 * a client must not use more than one method (RFC 6749 §2.3), and which one counted would be a guess.
 */
export function readClientCredentials(request: Request, body: Record<string, string>): TClientCredentials | Response {
  const authorization = request.headers.get("authorization") ?? "";
  if (/^basic\s/i.test(authorization) && body.client_secret !== undefined)
    return oauthError(400, "invalid_request", "Authenticate the client one way: HTTP Basic or client_secret in the body, not both");
  const basic = BASIC.exec(authorization);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    try {
      if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      return {}; // a mangled header names no client
    }
  }
  return { id: body.client_id, secret: body.client_secret };
}

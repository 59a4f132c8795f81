// The one way an unexpected error reaches the log. Worksection's /api/oauth2 takes its access token
// in the query string (seed 004), and an error can carry the request's URL in its message or in
// properties of its own (Node's ERR_INVALID_URL keeps the whole `input`): logs are read and shipped
// by more people than the API, so credentials in URLs are cut out of whatever is written.
import { inspect } from "node:util";

/** Query or form parameters whose value is a credential (OAuth, Worksection's signed hash, passwords). */
export const SECRET_PARAMS = ["access_token", "refresh_token", "id_token", "client_secret", "code", "code_verifier", "hash", "token", "password"];

const NAMES = SECRET_PARAMS.join("|");
// name=value in a query or a form body, the name possibly percent-encoded (access%5Ftoken).
const IN_QUERY = new RegExp(`((?:^|[?&;\\s"'])(?:${NAMES.replace(/_/g, "(?:_|%5[Ff])")})=)[^&;#\\s"']*`, "gi");

/** `text` with the value of every credential parameter replaced by [redacted]. */
export function redactSecrets(text: string): string {
  return text.replace(IN_QUERY, "$1[redacted]");
}

/** Logs an error nobody expected: where it happened, its stack, cause and own properties, redacted. */
export function logUnexpected(where: string, error: unknown): void {
  const detail = inspect(error, { depth: 4, breakLength: Number.POSITIVE_INFINITY });
  console.error(`[hookline] ${where}: ${redactSecrets(detail)}`);
}

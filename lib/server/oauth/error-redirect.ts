import "server-only";

/**
 * The redirect URI carrying an authorization error back to the client (RFC 6749 §4.1.2.1): `error`,
 * a human `error_description` and the client's `state`. Only for a redirect URI already matched
 * against the client's registered ones; any query of its own is kept.
 */
export function errorRedirect(redirectUri: string, error: string, description: string, state?: string): string {
  const to = new URL(redirectUri);
  to.searchParams.set("error", error);
  to.searchParams.set("error_description", description);
  if (state) to.searchParams.set("state", state);
  return to.toString();
}

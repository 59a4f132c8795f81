import "server-only";
import { credentialThrottleKeys, type LoginThrottle } from "../auth/login-throttle";
import { forwardedClientAddress } from "../http/client-address";
import { loginThrottle } from "../server/users/authenticate-user";

// Failed API credentials are slowed as failed sign-ins are (lib/auth/login-throttle.ts, the same
// table and rules): an OAuth client's secret at the token and revocation endpoints, a Worksection
// hash at /api/admin/v2, an access token at /api/oauth2. Each check is counted as a failure before
// it runs, in the statement that refuses it while locked, so a parallel burst gets no more tries
// than a sequence; a check that passes takes its count back.

/** A locked caller's wait, or the way to say the credential was good. */
export type TCredentialCheck = { isLocked: true; retryAfterS: number } | { isLocked: false; passed: () => Promise<void> };

/** Counts a credential check from this request's address (and the OAuth client it names) in advance. */
export async function beginCredentialCheck(
  request: Request,
  clientId: string | null = null,
  throttle: LoginThrottle = loginThrottle(),
): Promise<TCredentialCheck> {
  const address = forwardedClientAddress(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
  const keys = credentialThrottleKeys(address, clientId);
  const waitMs = await throttle.tryAttempt(keys);
  if (waitMs > 0) return { isLocked: true, retryAfterS: Math.ceil(waitMs / 1000) };
  return { isLocked: false, passed: () => throttle.forgiveOne(keys) };
}

import "server-only";
import { credentialThrottleKeys, type LoginThrottle } from "../auth/login-throttle";
import { forwardedClientAddress } from "../http/client-address";
import { loginThrottle } from "../server/users/authenticate-user";

// Failed API credentials are slowed as failed sign-ins are (lib/auth/login-throttle.ts, the same
// table and lock rules): an OAuth client's secret at the token and revocation endpoints, a Worksection
// hash at /api/admin/v2, an access token at /api/oauth2. Unlike sign-in, a check is not counted in
// advance: the caller reads whether its keys are locked, checks the credential, and only a failure is
// counted (one statement). A host making many valid calls at once from one address (Worksection's
// admin API, a token endpoint under load) is then never refused, and a success costs one read.
// The price: guesses sent at the same instant all pass the read before any of them is counted, so a
// parallel burst gets up to its own parallelism in extra tries before the lock shows. That is
// bounded (the burst's failures all count, and lengthen the lock that follows), unlike refusing
// legitimate parallel callers.

/** A locked caller's wait, or the way to count the credential as failed. */
export type TCredentialCheck = { isLocked: true; retryAfterS: number } | { isLocked: false; failed: () => Promise<void> };

/** Whether this request's address (and the OAuth client it names) may have its credential checked now. */
export async function beginCredentialCheck(
  request: Request,
  clientId: string | null = null,
  throttle: LoginThrottle = loginThrottle(),
): Promise<TCredentialCheck> {
  const address = forwardedClientAddress(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
  const keys = credentialThrottleKeys(address, clientId);
  const waitMs = await throttle.retryAfterMs(keys);
  if (waitMs > 0) return { isLocked: true, retryAfterS: Math.ceil(waitMs / 1000) };
  return { isLocked: false, failed: () => throttle.recordFailure(keys) };
}

import "server-only";
import { LoginThrottle, throttleKeys } from "../auth/login-throttle";
import { burnVerifyTime, verifyPassword } from "../auth/password";
import { getDb } from "../db";
import { ZSignIn } from "../validation/user";

export type TAuthenticatedUser = { id: string; email: string; name: string | null; role: "ADMIN" | "MEMBER" };

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`);
    this.name = "TooManyAttemptsError";
  }
}

const holder = globalThis as typeof globalThis & { __hooklineThrottle?: LoginThrottle };
export function loginThrottle(): LoginThrottle {
  holder.__hooklineThrottle ??= new LoginThrottle();
  return holder.__hooklineThrottle;
}

/**
 * Checks email + password. Returns null for any wrong pair, without saying whether the email exists
 * (unknown emails cost the same argon2 time). Throws TooManyAttemptsError while throttled.
 */
export async function authenticateUser(input: unknown, clientAddress: string | null, throttle = loginThrottle()): Promise<TAuthenticatedUser | null> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress);
  const wait = throttle.retryAfterMs(keys);
  if (wait > 0) throw new TooManyAttemptsError(wait);
  // Counted as a failure before the slow password check, so that a burst of parallel attempts
  // cannot all pass the check above before any of them is recorded; taken back if it succeeds.
  throttle.recordFailure(keys);

  const db = await getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } });
  if (!user) await burnVerifyTime(password);
  const isValid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !isValid) return null;
  const [pair, address, account] = keys as [string, string, string];
  throttle.recordSuccess([pair, account]);
  throttle.forgiveOne([address]);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

import "server-only";
import { verifiedDeviceId } from "../../auth/device-cookie";
import { LoginThrottle, throttleKeys } from "../../auth/login-throttle";
import { burnVerifyTime, verifyPassword } from "../../auth/password";
import { getDb } from "../../db";
import { auditSource, recordInstallationAudit } from "../../db/audited-change";
import { instanceSecrets } from "../../instance-secrets";
import { processGlobals } from "../../process-globals";
import { ZSignIn } from "../../validation/user";

export type TAuthenticatedUser = { id: string; email: string; name: string | null; isOperator: boolean; sessionVersion: number };

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`);
    this.name = "TooManyAttemptsError";
  }
}

declare module "../../process-globals" {
  interface TProcessGlobals {
    /** One failed-sign-in counter per process, whichever copy of this module asks. */
    loginThrottle?: LoginThrottle;
  }
}
export function loginThrottle(): LoginThrottle {
  const globals = processGlobals();
  globals.loginThrottle ??= new LoginThrottle();
  return globals.loginThrottle;
}

/**
 * Checks email + password. Returns null for any wrong pair, without saying whether the email exists
 * (unknown emails cost the same argon2 time). Throws TooManyAttemptsError while throttled. A
 * `deviceToken` this instance issued to this browser for this email (lib/auth/device-cookie.ts)
 * moves the attempt onto its own throttle key, out of reach of anyone else's failures.
 */
export async function authenticateUser(
  input: unknown,
  clientAddress: string | null,
  throttle = loginThrottle(),
  { deviceToken = null }: { deviceToken?: string | null } = {},
): Promise<TAuthenticatedUser | null> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const deviceId = verifiedDeviceId(deviceToken, email, instanceSecrets().authSecret);
  const keys = throttleKeys(email, clientAddress, deviceId);
  // Counted as a failure before the slow password check (and refused while locked, in the same
  // statement), so that a burst of parallel attempts gets no more tries than a sequence; taken
  // back if it succeeds.
  const wait = await throttle.tryAttempt(keys);
  if (wait > 0) throw new TooManyAttemptsError(wait);

  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, isOperator: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) await burnVerifyTime(password);
  const isValid = user ? await verifyPassword(user.passwordHash, password) : false;
  // Failures are recorded only past the throttle's check above, so a guesser cannot flood the log.
  const target = { type: "user", id: user?.id ?? null, name: email };
  if (!user || !isValid) {
    await recordInstallationAudit(db, auditSource({ kind: "system", reason: "sign-in" }, clientAddress), {
      workspaceId: null,
      action: "user.sign_in_failed",
      target,
      changes: { reason: user ? "wrong password" : "no such user" },
    });
    return null;
  }
  await recordInstallationAudit(db, auditSource({ kind: "session", userId: user.id }, clientAddress), {
    workspaceId: null,
    action: "user.signed_in",
    target,
  });
  if (deviceId) {
    await throttle.recordSuccess(keys);
  } else {
    const [pair, address, account] = keys as [string, string, string];
    await throttle.recordSuccess([pair, account]);
    await throttle.forgiveOne([address]);
  }
  return { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator, sessionVersion: user.sessionVersion };
}

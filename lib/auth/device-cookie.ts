import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// OWASP's device cookie: after a successful sign-in the browser gets a signed token saying "this
// browser has signed in as <email>". Sign-ins that present it for the same email are throttled
// on their own (lib/auth/login-throttle.ts), so an attacker who locks an account from many
// addresses cannot lock out its owner. The token names the device by a random id and proves the
// email with an HMAC keyed by the instance's auth secret; the email itself is not in the cookie.

export const DEVICE_COOKIE = "hookline-device";
export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;

function mac(secret: string, email: string, id: string): Buffer {
  return createHmac("sha256", secret).update(`hookline-device\n${email}\n${id}`).digest();
}

/** A new device token for `email`: "<id>.<mac>", both base64url. */
export function issueDeviceToken(email: string, secret: string): string {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${mac(secret, email, id).toString("base64url")}`;
}

/** The device id when `token` was issued by this instance for `email`, else null. */
export function verifiedDeviceId(token: string | undefined | null, email: string, secret: string): string | null {
  if (!token || token.length > 200) return null;
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined || !/^[\w-]{22}$/.test(id)) return null;
  const given = Buffer.from(sig, "base64url");
  const expected = mac(secret, email, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** One cookie's value out of a Cookie header; null when it is absent or empty. */
export function cookieValue(header: string | undefined | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

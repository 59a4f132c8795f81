import "server-only";
import type { CookiesOptions } from "next-auth";
import { env } from "../env";

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Whether a host frames the settings (HOOKLINE_FRAME_ANCESTORS): a framed page is a third party's
 * subresource, whose cookies browsers send only when SameSite=None (and so Secure, which the
 * configuration requires https for). Otherwise cookies stay SameSite=Lax.
 */
export function isFramingAllowed(): boolean {
  return (env().HOOKLINE_FRAME_ANCESTORS?.length ?? 0) > 0;
}

function isHttpsSite(): boolean {
  const e = env();
  return (e.HOOKLINE_PUBLIC_URL ?? e.NEXTAUTH_URL)?.startsWith("https://") ?? false;
}

/** The attributes every Hookline cookie shares. */
export function cookieBase() {
  const isFramed = isFramingAllowed();
  return { path: "/", httpOnly: true, sameSite: isFramed ? ("none" as const) : ("lax" as const), secure: isFramed || isHttpsSite() };
}

/** The workspace cookie (lib/api/workspace-cookie.ts): a preference, kept a year. */
export function workspaceCookieOptions() {
  const base = cookieBase();
  const attributes = ["Path=/", "HttpOnly", `SameSite=${base.sameSite === "none" ? "None" : "Lax"}`, `Max-Age=${YEAR_S}`, ...(base.secure ? ["Secure"] : [])];
  return {
    serialize: (name: string, value: string) => `${name}=${encodeURIComponent(value)}; ${attributes.join("; ")}`,
    forCookieStore: { ...base, maxAge: YEAR_S },
  };
}

/** next-auth's cookies, SameSite=None when framed (its defaults are Lax). Undefined: its defaults. */
export function authCookies(): Partial<CookiesOptions> | undefined {
  if (!isFramingAllowed()) return undefined;
  const options = cookieBase();
  return {
    sessionToken: { name: "__Secure-next-auth.session-token", options },
    callbackUrl: { name: "__Secure-next-auth.callback-url", options },
    csrfToken: { name: "__Host-next-auth.csrf-token", options },
  };
}

// Every page: a Content-Security-Policy with a fresh nonce (and HSTS behind https). Next reads the
// nonce from the request's CSP header and puts it on the scripts it renders, which is why every page
// is rendered per request (app/layout.tsx). API routes and build assets get their headers from
// next.config.ts instead: they run no script, and skipping them keeps request bodies out of the proxy.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/env";
import { isFrameablePath, newNonce, pageSecurityHeaders } from "./lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const e = env();
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    isDev: e.NODE_ENV === "development",
    isHttps: e.NEXTAUTH_URL?.startsWith("https://") ?? false,
    // A host may frame its admins' settings (HOOKLINE_FRAME_ANCESTORS); nothing else is ever framed.
    frameAncestors: isFrameablePath(request.nextUrl.pathname) ? e.HOOKLINE_FRAME_ANCESTORS : undefined,
  });
  const requestHeaders = new Headers(request.headers);
  for (const { key, value } of headers) requestHeaders.set(key, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

// The complement of PROXY_SKIPPED_SOURCES in lib/http/security-headers.ts (a matcher must be a literal).
export const config = { matcher: ["/((?!api/|_next/static/).*)"] };

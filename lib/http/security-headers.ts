// The security headers every response carries (issue 9.3): the app cannot be framed, types are not
// sniffed, and scripts run only under a Content-Security-Policy. Two places apply them, on paths that
// never overlap (two CSP headers on one response would both be enforced):
// - proxy.ts, on pages: the CSP with a fresh nonce per request (Next puts it on its own scripts) and HSTS;
// - next.config.ts headers(): the constant headers on every path, and a CSP without a nonce on the
//   paths the proxy skips (PROXY_SKIPPED_SOURCES: API routes and build assets, which run no inline script).
// No imports: next.config.ts loads this file outside Next's bundler.

export type THeader = { key: string; value: string };
export type TCspOptions = {
  nonce?: string;
  isDev: boolean;
  isHttps: boolean;
  /** Origins that may frame this response (HOOKLINE_FRAME_ANCESTORS, settings pages only); none by default. */
  frameAncestors?: readonly string[];
};

/** The pages a host may frame when HOOKLINE_FRAME_ANCESTORS is set: the settings, and the sign-in link that opens them. */
export function isFrameablePath(pathname: string): boolean {
  return pathname === "/settings" || pathname.startsWith("/settings/") || pathname === "/signin/link";
}

/** One year; no includeSubDomains: Hookline is often one host among others on its domain. */
export const HSTS_VALUE = "max-age=31536000";

/** next.config.ts `source` patterns for the paths proxy.ts does not match (its matcher is their complement). */
export const PROXY_SKIPPED_SOURCES = ["/api/:path+", "/_next/static/:path+"];

/** 128 random bits, base64: a new one for every page response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, isDev, isHttps, frameAncestors }: TCspOptions): string {
  // With a nonce, 'strict-dynamic' lets Next's nonced bootstrap load its chunks and nothing else run;
  // 'self' is then ignored by browsers and only helps ones without CSP 3. Without a nonce (responses
  // that are not pages) no inline script may run at all.
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  // React's dev build evaluates code (server error stacks, fast refresh); its production build does not.
  if (isDev) scripts.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // style attributes (React `style`, recharts' SVG) cannot carry a nonce, and a nonce in style-src
    // would switch 'unsafe-inline' off; stylesheets themselves come from 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors?.length ? frameAncestors.join(" ") : "'none'"}`,
  ];
  // Only behind https: on a plain-http install it would send every asset to a port nobody serves.
  if (isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that do not depend on the request: every path, from next.config.ts. */
export const BASE_SECURITY_HEADERS: THeader[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // Nothing here uses these; the clipboard (copy buttons) stays allowed for our own origin.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

// frame-ancestors is the modern form; X-Frame-Options covers browsers that predate it. It has no
// list form, so a page that allowed origins may frame leaves it out (those browsers then allow any).
const DENY_FRAMING: THeader = { key: "X-Frame-Options", value: "DENY" };

/** CSP, X-Frame-Options unless framing is allowed, and HSTS when served over https: one page response, from proxy.ts. */
export function pageSecurityHeaders(options: TCspOptions): THeader[] {
  const headers = [{ key: "Content-Security-Policy", value: contentSecurityPolicy(options) }];
  if (!options.frameAncestors?.length) headers.push(DENY_FRAMING);
  if (options.isHttps) headers.push({ key: "Strict-Transport-Security", value: HSTS_VALUE });
  return headers;
}

/** next.config.ts `headers()`: the constant headers everywhere, a nonce-less CSP where the proxy does not run. */
export function configSecurityHeaders(): { source: string; headers: THeader[] }[] {
  // Read at build time, so nothing here may depend on NEXTAUTH_URL; no page is served here, so no dev eval either.
  const csp = contentSecurityPolicy({ isDev: false, isHttps: false });
  return [
    { source: "/:path*", headers: BASE_SECURITY_HEADERS },
    ...PROXY_SKIPPED_SOURCES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: csp }, DENY_FRAMING] })),
  ];
}

/** The same headers as a plain object, for answers scripts/serve.ts sends before Next runs (405, 413). */
export function frontDoorSecurityHeaders(): Record<string, string> {
  const out: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy({ isDev: false, isHttps: false }) };
  for (const { key, value } of [...BASE_SECURITY_HEADERS, DENY_FRAMING]) out[key] = value;
  return out;
}

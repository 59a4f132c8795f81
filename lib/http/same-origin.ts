// The CSRF check for cookie-authenticated writes: the browser's Origin must be this site's origin,
// compared as scheme + host + port (a page on https://host or on host:other-port is another site).
// This site's origin is the one the request was addressed to: the Host header over plain http
// (our servers speak only http), or, behind `trustedProxies` reverse proxies, what the nearest
// proxy says in X-Forwarded-Host / X-Forwarded-Proto. Without trusted proxies those headers are
// the client's own words and are ignored. NEXTAUTH_URL, when set, is this site's origin as well.
import { isValidHost } from "./request-target";

export type TRequestOrigin = {
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
};

/** The value the nearest proxy appended (proxies append to these lists, like X-Forwarded-For). */
function nearest(header: string | null): string | null {
  const last = header?.split(",").at(-1)?.trim();
  return last ? last : null;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origin this request was addressed to, or null when its Host is missing or is not a host[:port]
 * (userinfo, a path or a query would otherwise be read as part of a URL and dropped).
 */
export function requestOrigin(request: Omit<TRequestOrigin, "origin">, trustedProxies: number): string | null {
  const host = trustedProxies > 0 ? (nearest(request.forwardedHost) ?? request.host) : request.host;
  const proto = trustedProxies > 0 ? (nearest(request.forwardedProto)?.toLowerCase() ?? "http") : "http";
  if (!host || !isValidHost(host) || (proto !== "http" && proto !== "https")) return null;
  return originOf(`${proto}://${host}`);
}

/** The origins this request may come from. */
export function siteOrigins(request: Omit<TRequestOrigin, "origin">, trustedProxies: number, canonicalUrl?: string): string[] {
  const out: string[] = [];
  const own = requestOrigin(request, trustedProxies);
  if (own) out.push(own);
  const canonical = canonicalUrl ? originOf(canonicalUrl) : null;
  if (canonical) out.push(canonical);
  return out;
}

export function isSameOrigin(request: TRequestOrigin, trustedProxies: number, canonicalUrl?: string): boolean {
  if (!request.origin || request.origin === "null") return false;
  const origin = originOf(request.origin);
  return origin !== null && siteOrigins(request, trustedProxies, canonicalUrl).includes(origin);
}

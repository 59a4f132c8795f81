import { requestOrigin } from "./same-origin";

/**
 * This site's public origin, for what a client elsewhere must see as this site's address (the OAuth
 * issuer; links in emails and sign-in links later): HOOKLINE_PUBLIC_URL when configured, else the
 * origin this request was addressed to, read as the CSRF check reads it (same-origin.ts: the Host,
 * or behind trusted proxies the nearest one's X-Forwarded-Host/-Proto). Not NEXTAUTH_URL:
 * scripts/start.ts fills that in with http://localhost:PORT when it is unset, the wrong answer
 * for anyone not on this machine.
 */
export function publicOrigin(request: Request, publicUrl: string | undefined, trustedProxies: number): string {
  if (publicUrl) return publicUrl;
  const h = request.headers;
  const fromRequest = requestOrigin(
    { host: h.get("host") ?? new URL(request.url).host, forwardedHost: h.get("x-forwarded-host"), forwardedProto: h.get("x-forwarded-proto") },
    trustedProxies,
  );
  return fromRequest ?? new URL(request.url).origin;
}

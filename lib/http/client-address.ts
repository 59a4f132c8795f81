// Which address a request really came from. `next start` passes a client's own X-Forwarded-For
// through untouched, so anyone could pick the address the sign-in throttle counts against. Our
// server (scripts/serve.ts) replaces the header with one address it can vouch for: the socket's
// peer, or, behind `trustedProxies` reverse proxies, the address the outermost of them saw.

/**
 * The client address of a request that arrived from `socketAddress` carrying `forwardedFor`.
 * Each trusted proxy appends the address it received from; entries further left were written by
 * the client itself and prove nothing.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string | null {
  const socket = socketAddress ? normalize(socketAddress) : null;
  if (trustedProxies <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = header
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (socket) chain.push(socket);
  // chain = [client?, proxy1, ..., proxyN (the socket)]: skip the trusted hops from the right.
  const index = chain.length - 1 - trustedProxies;
  return index >= 0 ? normalize(chain[index] as string) : chain[0] ? normalize(chain[0]) : null;
}

/** "::ffff:10.0.0.1" (a v4 peer on a dual-stack socket) counts as the v4 address it is. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/**
 * The client address a route reads back from the request's headers: the one the front door wrote
 * into X-Forwarded-For (X-Real-IP only where no front door ran: `next dev`). What counts failed
 * attempts per address (sign-in, API credentials) reads it here. Null when there is none.
 */
export function forwardedClientAddress(forwardedFor: unknown, realIp: unknown = null): string | null {
  const header = typeof forwardedFor === "string" && forwardedFor.trim() ? forwardedFor : realIp;
  if (typeof header !== "string") return null;
  // An address is short; the cap keeps a hand-written header from becoming an unbounded key.
  const first = header.split(",")[0]?.trim().slice(0, 100);
  return first ? normalize(first) : null;
}

/** A route's request's client address (forwardedClientAddress of its headers); for the audit log. */
export function requestClientAddress(request: Request): string | null {
  return forwardedClientAddress(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
}

// How many connections one peer may hold open at once. Bodies are budgeted in total
// (lib/http/body-budget.ts), but one address opening a thousand connections could still take the
// whole budget, and a socket and its parser each cost memory and a file descriptor even idle.
// The peer is the socket's own address, known the moment it connects, before any request is read.
// Behind a reverse proxy that peer is the proxy and every client shares it, so there the limit is
// the proxy's to apply (scripts/serve.ts does not set one; see frontDoorSettings).
import type net from "node:net";
import ipaddr from "ipaddr.js";
import { LINGER_MS } from "./refuse-request";

export type TConnectionLimit = {
  /** Counts a new connection ('connection' event); one over the limit is marked and closed soon. */
  admit(socket: net.Socket): void;
  /** Whether requests on this socket must be refused (503): it was opened past its peer's limit. */
  isOverLimit(socket: net.Socket): boolean;
  /** Open connections counted for a peer address right now. */
  countOf(address: string): number;
};

/**
 * The key a peer is counted under: its IPv4 address, or its IPv6 /64, which is what one host
 * (or one customer of a provider) is given, so a host cannot escape the limit by changing address.
 */
export function peerKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address); // ::ffff:10.0.0.1 counts as 10.0.0.1
  return parsed.kind() === "ipv6"
    ? `${(parsed as ipaddr.IPv6).parts
        .slice(0, 4)
        .map((p) => p.toString(16))
        .join(":")}::/64`
    : parsed.toString();
}

export function createConnectionLimit(maxPerAddress: number): TConnectionLimit {
  const open = new Map<string, number>();
  const over = new WeakSet<net.Socket>();
  return {
    admit(socket) {
      if (maxPerAddress <= 0 || !socket.remoteAddress) return;
      const key = peerKey(socket.remoteAddress);
      const count = (open.get(key) ?? 0) + 1;
      open.set(key, count);
      // A connection ends only one way, 'close' (after an error or a destroy too): the count
      // cannot leak, and a key at zero is deleted so the map holds only peers connected now.
      socket.once("close", () => {
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      });
      if (count <= maxPerAddress) return;
      over.add(socket);
      // Its first request gets a 503 (lib/http/front-door.ts); one that never sends any is closed anyway.
      const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
      socket.once("close", () => clearTimeout(timer));
    },
    isOverLimit: (socket) => over.has(socket),
    countOf: (address) => open.get(peerKey(address)) ?? 0,
  };
}

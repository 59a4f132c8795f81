import ipaddr from "ipaddr.js";

// HOOKLINE_ALLOWED_TARGETS: the hosts, addresses and CIDRs a webhook may reach although they are not
// public (lib/delivery/ssrf/address-policy.ts refuses everything else that is not public unicast). Parsed
// here, in the configuration layer, so that validating the environment needs nothing from delivery.

/**
 * The address as the URL parser and the socket read it. ipaddr.js turns "::127.0.0.1" into the
 * IPv4-mapped ::ffff:7f00:1, but RFC 4291 and WHATWG read it as IPv4-compatible ::7f00:1, and the
 * allow-list must match what will be contacted. A zone id ("fe80::1%eth0") is left to ipaddr.js.
 */
export function canonicalIPv6(bare: string): string {
  if (!bare.includes(":")) return bare;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return bare;
  }
}

export type TAllowList = { hosts: ReadonlySet<string>; cidrs: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][] };

export const EMPTY_ALLOW_LIST: TAllowList = { hosts: new Set(), cidrs: [] };

/** "127.0.0.1,localhost,10.0.0.0/8,::1" → hosts and CIDRs; throws on an entry it cannot read. */
export function parseAllowList(value: string | undefined): TAllowList {
  const hosts = new Set<string>();
  const cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, "");
    if (!entry) continue;
    const unreadable = () => new Error(`cannot read "${raw.trim()}" (expected a host name, an IP address or a CIDR)`);
    if (entry.includes("/")) {
      const [address = "", bits] = entry.split("/", 2);
      try {
        cidrs.push(ipaddr.parseCIDR(`${canonicalIPv6(address)}/${bits}`));
      } catch {
        throw unreadable();
      }
    } else if (ipaddr.isValid(canonicalIPv6(entry))) {
      const ip = ipaddr.parse(canonicalIPv6(entry));
      cidrs.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
    } else if (/^[a-z0-9.-]+$/.test(entry)) hosts.add(entry);
    else throw unreadable();
  }
  return { hosts, cidrs };
}

export function isHostAllowListed(hostname: string, allow: TAllowList): boolean {
  return allow.hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ""));
}

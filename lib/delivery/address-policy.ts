import ipaddr from "ipaddr.js";

// Which addresses a webhook may reach. Only public unicast is allowed: ipaddr.js names every other
// range (loopback, private, link-local incl. 169.254.169.254, CGNAT, unspecified, multicast, ULA,
// reserved/documentation, IPv4-mapped, NAT64, 6to4, Teredo ...), and all of those are refused, so
// a v4 address hidden in a v6 form is refused too. HOOKLINE_ALLOWED_TARGETS opens named exceptions.

const RANGE_NAMES: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  ipv4Mapped: "IPv4-mapped",
  rfc6052: "NAT64",
  rfc6145: "IPv4-translated",
  "6to4": "6to4",
};

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
      try {
        cidrs.push(ipaddr.parseCIDR(entry));
      } catch {
        throw unreadable();
      }
    } else if (ipaddr.isValid(entry)) {
      const ip = ipaddr.parse(entry);
      cidrs.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
    } else if (/^[a-z0-9.-]+$/.test(entry)) hosts.add(entry);
    else throw unreadable();
  }
  return { hosts, cidrs };
}

export function isHostAllowListed(hostname: string, allow: TAllowList): boolean {
  return allow.hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ""));
}

/** Why this address may not be contacted, or null when it may. */
export function addressBlockReason(address: string, allow: TAllowList = EMPTY_ALLOW_LIST): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return `"${address}" is not an IP address`;
  const ip = ipaddr.parse(bare);
  for (const [net, bits] of allow.cidrs) {
    if (net.kind() === ip.kind() && ip.match(net, bits)) return null;
  }
  const range = ip.range();
  return range === "unicast" ? null : `${ip.toString()} is not a public address (${RANGE_NAMES[range] ?? range})`;
}

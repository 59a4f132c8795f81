import ipaddr from "ipaddr.js";
import { canonicalIPv6, EMPTY_ALLOW_LIST, type TAllowList } from "../../config/allow-list";

// Which addresses a webhook may reach. Only public unicast is allowed: ipaddr.js names every other
// range (loopback, private, link-local incl. 169.254.169.254, CGNAT, unspecified, multicast, ULA,
// reserved/documentation, IPv4-mapped, NAT64, 6to4, Teredo ...), and all of those are refused, so
// a v4 address hidden in a v6 form is refused too. HOOKLINE_ALLOWED_TARGETS opens named exceptions.
// ipaddr.js calls two things "unicast" that are not public, so they are checked here first:
// - ::/96, the deprecated IPv4-compatible form (RFC 4291 2.5.5.1): [::127.0.0.1] is ::7f00:1, and a
//   stack that still honours it reaches 127.0.0.1. All of it is refused, even ::808:808, because no
//   public service is addressed that way (use 8.8.8.8 itself) and a check per embedded v4 is one more
//   thing to get wrong. :: and ::1 keep their own names (unspecified, loopback).
// - the rest of IPv6 outside 2000::/3, the only block IANA hands out as global unicast (the rest is
//   reserved by the IETF or already named above: ULA, link-local, multicast, discard, site-local ...).

const RANGE_NAMES: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  ipv4Mapped: "IPv4-mapped",
  ipv4Compatible: "IPv4-compatible",
  notGlobalUnicast: "outside global unicast",
  rfc6052: "NAT64",
  rfc6145: "IPv4-translated",
  "6to4": "6to4",
  teredo: "Teredo",
  deprecatedSiteLocal: "site-local",
  segmentRouting: "segment routing",
};

const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

function rangeOf(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  const range = ip.range();
  if (range !== "unicast" || ip.kind() !== "ipv6") return range;
  const v6 = ip as ipaddr.IPv6;
  if (v6.parts.slice(0, 6).every((part) => part === 0)) return "ipv4Compatible";
  return v6.match(GLOBAL_UNICAST) ? "unicast" : "notGlobalUnicast";
}

/** Why this address may not be contacted, or null when it may. */
export function addressBlockReason(address: string, allow: TAllowList = EMPTY_ALLOW_LIST): string | null {
  const bare = canonicalIPv6(address.replace(/^\[|\]$/g, ""));
  if (!ipaddr.isValid(bare)) return `"${address}" is not an IP address`;
  const ip = ipaddr.parse(bare);
  for (const [net, bits] of allow.cidrs) {
    if (net.kind() === ip.kind() && ip.match(net, bits)) return null;
  }
  const range = rangeOf(ip);
  return range === "unicast" ? null : `${ip.toString()} is not a public address (${RANGE_NAMES[range] ?? range})`;
}

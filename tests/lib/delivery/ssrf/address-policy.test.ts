import { describe, expect, it } from "vitest";
import { parseAllowList } from "@/lib/config/allow-list";
import { addressBlockReason } from "@/lib/delivery/ssrf/address-policy";

describe("addressBlockReason", () => {
  const blocked = [
    "127.0.0.1",
    "127.0.0.2",
    "0.0.0.0",
    "10.0.0.1",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.1",
    "198.18.0.1",
    "240.0.0.1",
    "::1",
    "::",
    "fd00::1",
    "fc00::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.2",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::7f00:1",
    "64:ff9b::a00:1",
    "2002:7f00:1::",
    "2002:a00:1::",
    "2001::1",
    "2001:db8::1",
    "[::1]",
    // ::/96, IPv4-compatible (deprecated): loopback, metadata and private v4 inside, and a public one
    // too (::808:808), since the form itself is refused rather than the v4 address it carries.
    "::7f00:1",
    "::a9fe:a9fe",
    "::a00:1",
    "::808:808",
    "::2",
    "::127.0.0.1",
    "0:0:0:0:0:0:127.0.0.1",
    "[::ffff:ffff]",
    // other IPv6 special ranges: local-use NAT64, IPv4-translated, Teredo, 6to4 with a public v4,
    // discard, documentation (old and new), site-local, segment routing, benchmarking
    "64:ff9b:1::a00:1",
    "64:ff9b:1::808:808",
    "::ffff:0:7f00:1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2002:808:808::1",
    "100::1",
    "3fff::1",
    "fec0::1",
    "5f00::1",
    "2001:2::1",
    // reserved by the IETF: outside 2000::/3, the only global unicast block
    "::1:0:0:0",
    "1::",
    "4000::1",
    "e000::1",
    // numeric spellings of 127.0.0.2 and 10.0.0.1
    "0x7f000002",
    "2130706434",
    "0177.0.0.2",
    "0x7f.0.0.2",
    "167772161",
  ];
  it.each(blocked)("blocks %s", (address) => {
    expect(addressBlockReason(address)).toMatch(/ is not a public address \([\w -]+\)$/);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "2a00:1450:4001::200e", "2001:4860:4860::8888"])("allows public %s", (address) => {
    expect(addressBlockReason(address)).toBeNull();
  });

  it("names the range in words", () => {
    expect(addressBlockReason("169.254.169.254")).toBe("169.254.169.254 is not a public address (link-local)");
    expect(addressBlockReason("100.64.0.1")).toBe("100.64.0.1 is not a public address (carrier-grade NAT)");
    expect(addressBlockReason("::ffff:127.0.0.2")).toBe("::ffff:7f00:2 is not a public address (IPv4-mapped)");
    expect(addressBlockReason("::7f00:1")).toBe("::7f00:1 is not a public address (IPv4-compatible)");
    expect(addressBlockReason("4000::1")).toBe("4000::1 is not a public address (outside global unicast)");
    expect(addressBlockReason("2001::1")).toBe("2001::1 is not a public address (Teredo)");
  });

  it("reads ::a.b.c.d as the URL parser does (IPv4-compatible), not as IPv4-mapped", () => {
    expect(addressBlockReason("::127.0.0.1")).toBe("::7f00:1 is not a public address (IPv4-compatible)");
    // An allow-listed mapped address does not open the compatible one that would really be contacted.
    expect(addressBlockReason("::127.0.0.1", parseAllowList("::ffff:127.0.0.1"))).not.toBeNull();
    expect(addressBlockReason("::127.0.0.1", parseAllowList("::127.0.0.1"))).toBeNull();
  });

  it.each([
    ["http://[::127.0.0.1]/", "::7f00:1"],
    ["http://[::169.254.169.254]/latest", "::a9fe:a9fe"],
    ["http://[0:0:0:0:0:0:10.0.0.1]:8080/", "::a00:1"],
    ["https://[::8.8.8.8]/", "::808:808"],
  ])("blocks the URL %s (host %s)", (url, host) => {
    const hostname = new URL(url).hostname;
    expect(hostname).toBe(`[${host}]`);
    expect(addressBlockReason(hostname)).toBe(`${host} is not a public address (IPv4-compatible)`);
  });

  it("refuses what is not an address", () => {
    expect(addressBlockReason("example.com")).toMatch(/not an IP address/);
  });

  it("admits exactly the allow-listed addresses and networks", () => {
    const allow = parseAllowList("127.0.0.1, 10.1.0.0/16, ::1");
    expect(addressBlockReason("127.0.0.1", allow)).toBeNull();
    expect(addressBlockReason("10.1.200.3", allow)).toBeNull();
    expect(addressBlockReason("::1", allow)).toBeNull();
    expect(addressBlockReason("127.0.0.2", allow)).not.toBeNull();
    expect(addressBlockReason("10.2.0.1", allow)).not.toBeNull();
    expect(addressBlockReason("::ffff:127.0.0.1", allow)).not.toBeNull();
  });
});

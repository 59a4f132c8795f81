import { describe, expect, it } from "vitest";
import { addressBlockReason, parseAllowList } from "@/lib/delivery/address-policy";

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

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "2a00:1450:4001::200e"])("allows public %s", (address) => {
    expect(addressBlockReason(address)).toBeNull();
  });

  it("names the range in words", () => {
    expect(addressBlockReason("169.254.169.254")).toBe("169.254.169.254 is not a public address (link-local)");
    expect(addressBlockReason("100.64.0.1")).toBe("100.64.0.1 is not a public address (carrier-grade NAT)");
    expect(addressBlockReason("::ffff:127.0.0.2")).toBe("::ffff:7f00:2 is not a public address (IPv4-mapped)");
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

describe("parseAllowList", () => {
  it("reads hosts, addresses and CIDRs", () => {
    const allow = parseAllowList("localhost, Receiver.Test ,127.0.0.1,[::1],192.168.0.0/24");
    expect([...allow.hosts]).toEqual(["localhost", "receiver.test"]);
    expect(allow.cidrs.map(([ip, bits]) => `${ip}/${bits}`)).toEqual(["127.0.0.1/32", "::1/128", "192.168.0.0/24"]);
    expect(parseAllowList(undefined).cidrs).toEqual([]);
  });
  it("throws on an entry it cannot read", () => {
    expect(() => parseAllowList("10.0.0.0/99")).toThrow();
    expect(() => parseAllowList("http://x")).toThrow(/cannot read/);
  });
});

import { describe, expect, it } from "vitest";
import { canonicalIPv6, isHostAllowListed, parseAllowList } from "@/lib/config/allow-list";

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

describe("canonicalIPv6 and isHostAllowListed", () => {
  it("reads ::a.b.c.d as the URL parser does, and matches host names without case or brackets", () => {
    expect(canonicalIPv6("::127.0.0.1")).toBe("::7f00:1");
    expect(canonicalIPv6("10.0.0.1")).toBe("10.0.0.1");
    expect(canonicalIPv6("not:an:address::x")).toBe("not:an:address::x");
    const allow = parseAllowList("Receiver.Test");
    expect(isHostAllowListed("RECEIVER.test", allow)).toBe(true);
    expect(isHostAllowListed("other.test", allow)).toBe(false);
  });
});

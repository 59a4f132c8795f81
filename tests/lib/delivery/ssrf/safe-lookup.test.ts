import { describe, expect, it } from "vitest";
import { EMPTY_ALLOW_LIST, parseAllowList } from "@/lib/config/allow-list";
import { resolveVetted, SsrfBlockedError, type TResolver } from "@/lib/delivery/ssrf/safe-lookup";

// No socket is opened: literals are vetted without a lookup, and names use an injected resolver.
const mustNotResolve: TResolver = async () => {
  throw new Error("an IP literal must not be looked up");
};

describe("resolveVetted", () => {
  it.each(["http://[::127.0.0.1]:8080/", "http://[::7f00:1]/", "http://[::a9fe:a9fe]/latest", "http://[::a00:1]/", "http://[::808:808]/"])(
    "refuses the IPv4-compatible literal in %s",
    async (url) => {
      const hostname = new URL(url).hostname;
      await expect(resolveVetted(hostname, EMPTY_ALLOW_LIST, mustNotResolve)).rejects.toThrow(SsrfBlockedError);
      await expect(resolveVetted(hostname, parseAllowList("127.0.0.1"), mustNotResolve)).rejects.toThrow(/IPv4-compatible/);
    },
  );

  it("refuses a name that resolves to an IPv4-compatible or other non-global IPv6 address", async () => {
    for (const address of ["::7f00:1", "64:ff9b:1::a00:1", "fec0::1", "100::1"]) {
      const resolver: TResolver = async () => [{ address, family: 6 }];
      await expect(resolveVetted("hooks.example.test", EMPTY_ALLOW_LIST, resolver)).rejects.toThrow(
        `hooks.example.test resolves to ${address} is not a public address`,
      );
    }
  });

  it("still passes a public IPv6 literal", async () => {
    await expect(resolveVetted("[2606:4700::1111]", EMPTY_ALLOW_LIST, mustNotResolve)).resolves.toEqual([{ address: "2606:4700::1111", family: 6 }]);
  });
});

import { describe, expect, it } from "vitest";
import { isSameOrigin, requestOrigin, siteOrigins } from "@/lib/http/same-origin";

const req = (origin: string | null, host: string | null, forwardedHost: string | null = null, forwardedProto: string | null = null) => ({
  origin,
  host,
  forwardedHost,
  forwardedProto,
});

describe("isSameOrigin", () => {
  it("compares scheme, host and port", () => {
    expect(isSameOrigin(req("http://app.local:3000", "app.local:3000"), 0)).toBe(true);
    expect(isSameOrigin(req("https://app.local:3000", "app.local:3000"), 0)).toBe(false);
    expect(isSameOrigin(req("http://app.local:3001", "app.local:3000"), 0)).toBe(false);
    expect(isSameOrigin(req("http://app.local", "app.local:80"), 0)).toBe(true);
    expect(isSameOrigin(req("http://APP.local:3000", "app.local:3000"), 0)).toBe(true);
    expect(isSameOrigin(req("http://evil.example", "app.local"), 0)).toBe(false);
  });

  it("refuses a missing, opaque or non-http Origin", () => {
    for (const origin of [null, "null", "", "file://", "chrome-extension://abc", "not a url"]) {
      expect(isSameOrigin(req(origin, "app.local"), 0), String(origin)).toBe(false);
    }
  });

  it("ignores X-Forwarded-Host and -Proto without trusted proxies", () => {
    expect(isSameOrigin(req("http://evil.example", "app.local", "evil.example"), 0)).toBe(false);
    expect(isSameOrigin(req("https://app.local", "app.local", null, "https"), 0)).toBe(false);
  });

  it("behind trusted proxies, uses the nearest proxy's forwarded host and scheme", () => {
    expect(isSameOrigin(req("https://hooks.example.com", "10.0.0.5:3000", "hooks.example.com", "https"), 1)).toBe(true);
    expect(isSameOrigin(req("http://hooks.example.com", "10.0.0.5:3000", "hooks.example.com", "https"), 1)).toBe(false);
    // A client-written value to the left of the proxy's own is not the proxy's word.
    expect(isSameOrigin(req("https://evil.example", "10.0.0.5", "evil.example, hooks.example.com", "https"), 1)).toBe(false);
    expect(isSameOrigin(req("http://10.0.0.5:3000", "10.0.0.5:3000"), 1)).toBe(true); // no forwarded headers: the Host
  });

  it("accepts NEXTAUTH_URL's origin too (TLS ended by a proxy that is not declared)", () => {
    expect(isSameOrigin(req("https://hooks.example.com", "hooks.example.com"), 0, "https://hooks.example.com/")).toBe(true);
    expect(isSameOrigin(req("https://hooks.example.com:8443", "hooks.example.com"), 0, "https://hooks.example.com/")).toBe(false);
    expect(siteOrigins(req(null, "a:1"), 0, "nonsense")).toEqual(["http://a:1"]);
  });
});

describe("requestOrigin", () => {
  it("is the origin the request was addressed to; null when the Host is not a host[:port]", () => {
    expect(requestOrigin(req(null, "App.local:80"), 0)).toBe("http://app.local");
    expect(requestOrigin(req(null, "10.0.0.5", "hooks.example.com", "https"), 1)).toBe("https://hooks.example.com");
    for (const host of [null, "", "a.example@b.example", "a.example/x", "a.example\\x", "a.example#x", "a b"])
      expect(requestOrigin(req(null, host), 0), String(host)).toBeNull();
    expect(requestOrigin(req(null, "10.0.0.5", null, "gopher"), 1)).toBeNull();
  });
});

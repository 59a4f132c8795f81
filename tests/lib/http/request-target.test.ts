import type http from "node:http";
import { describe, expect, it } from "vitest";
import { isValidHost, pathOf, requestTargetProblem } from "@/lib/http/request-target";

/** The parts of a request requestTargetProblem reads, as Node's parser would fill them. */
function request(url: string, hosts: string[] = ["hookline.example"]): http.IncomingMessage {
  return { url, rawHeaders: hosts.flatMap((h) => ["Host", h]), headers: hosts.length ? { host: hosts[0] } : {} } as unknown as http.IncomingMessage;
}

describe("pathOf", () => {
  it("reads the path of a request target, whatever its form", () => {
    expect(pathOf("/api/auth/callback/credentials?x=1")).toBe("/api/auth/callback/credentials");
    expect(pathOf("http://evil.example/api/auth/callback/credentials")).toBe("/api/auth/callback/credentials");
    expect(pathOf(undefined)).toBe("/");
  });
});

describe("isValidHost", () => {
  it("accepts names, IPv4 and bracketed IPv6, with a port", () => {
    for (const host of ["hookline.example", "localhost:3000", "127.0.0.1:3210", "[::1]:3000", "[2001:db8::1]", "app_1.internal", "xn--bcher-kva.example"]) {
      expect(isValidHost(host), host).toBe(true);
    }
  });

  it("refuses what no URL can be built from: spaces, credentials, paths, bad ports, bad literals", () => {
    for (const host of ["a b", "a@b", "a/b", "x:99999", "x:", "x:y", "", "[::1", "::1", "999.1.1.1", "ex%41mple.com", "é.example", "a\tb"]) {
      expect(isValidHost(host), JSON.stringify(host)).toBe(false);
    }
  });
});

describe("requestTargetProblem", () => {
  it("has nothing against an origin-form target with one good Host, or none (HTTP/1.0)", () => {
    expect(requestTargetProblem(request("/api/v1/events?x=1"))).toBeNull();
    expect(requestTargetProblem(request("/", []))).toBeNull();
  });

  it("refuses absolute-form, asterisk-form and other targets that are not a path", () => {
    expect(requestTargetProblem(request("http://x/api/v1/events"))).toMatch(/origin-form/);
    expect(requestTargetProblem(request("HTTPS://x/"))).toMatch(/origin-form/);
    expect(requestTargetProblem(request("*"))).toMatch(/path starting with \//);
    expect(requestTargetProblem(request("x:1"))).toMatch(/path starting with \//);
  });

  it("refuses a malformed Host, and two Host headers (RFC 9112 §3.2)", () => {
    expect(requestTargetProblem(request("/", ["a b"]))).toMatch(/Host header is not a valid host/);
    expect(requestTargetProblem(request("/", ["a.example", "b.example"]))).toMatch(/more than once/);
  });
});

import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import {
  BASE_SECURITY_HEADERS,
  configSecurityHeaders,
  contentSecurityPolicy,
  isFrameablePath,
  newNonce,
  PROXY_SKIPPED_SOURCES,
  pageSecurityHeaders,
} from "@/lib/http/security-headers";
import { config, proxy } from "@/proxy";

/** "a b; c d e" → { a: ["b"], c: ["d", "e"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split("; ")
      .map((d) => d.split(" "))
      .map(([name, ...values]) => [name, values]),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("contentSecurityPolicy", () => {
  it("a page's policy: nonce + strict-dynamic scripts, no framing, nothing inline or evaluated", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", isDev: false, isHttps: false }));
    expect(csp).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'nonce-abc123'", "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("allows eval only in development, and upgrades requests only behind https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", isDev: true, isHttps: false }))["script-src"]).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: false })).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true }))).toHaveProperty("upgrade-insecure-requests", []);
  });

  it("without a nonce, no inline script at all", () => {
    expect(directives(contentSecurityPolicy({ isDev: false, isHttps: false }))["script-src"]).toEqual(["'self'"]);
  });

  it("frame-ancestors names the origins a host may frame from, and stays 'none' for an empty list", () => {
    const framed = { nonce: "n", isDev: false, isHttps: true };
    expect(directives(contentSecurityPolicy({ ...framed, frameAncestors: ["https://app.example.com", "https://b.example"] }))["frame-ancestors"]).toEqual([
      "https://app.example.com",
      "https://b.example",
    ]);
    expect(directives(contentSecurityPolicy({ ...framed, frameAncestors: [] }))["frame-ancestors"]).toEqual(["'none'"]);
  });
});

describe("header sets", () => {
  it("pages: CSP and X-Frame-Options DENY, plus HSTS only behind https", () => {
    expect(pageSecurityHeaders({ nonce: "n", isDev: false, isHttps: false }).map((h) => h.key)).toEqual(["Content-Security-Policy", "X-Frame-Options"]);
    expect(pageSecurityHeaders({ nonce: "n", isDev: false, isHttps: false })).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
    expect(pageSecurityHeaders({ nonce: "n", isDev: false, isHttps: true })).toContainEqual({ key: "Strict-Transport-Security", value: "max-age=31536000" });
  });

  it("a page a host may frame leaves X-Frame-Options out (it has no list form) and names the origins in its CSP", () => {
    const headers = pageSecurityHeaders({ nonce: "n", isDev: false, isHttps: true, frameAncestors: ["https://app.example.com"] });
    expect(headers.map((h) => h.key)).toEqual(["Content-Security-Policy", "Strict-Transport-Security"]);
    expect(directives(headers[0]?.value ?? "")["frame-ancestors"]).toEqual(["https://app.example.com"]);
  });

  it("only the settings pages and the sign-in link that opens them may be framed", () => {
    for (const path of ["/settings", "/settings/webhooks", "/settings/webhooks/deliveries/x", "/signin/link"]) expect(isFrameablePath(path), path).toBe(true);
    for (const path of ["/", "/signin", "/settingsx", "/oauth/authorize", "/api/v1/webhooks", "/signin/link/x"])
      expect(isFrameablePath(path), path).toBe(false);
  });

  it("next.config: the constant headers on every path, a CSP only where the proxy does not run", () => {
    const [everywhere, ...skipped] = configSecurityHeaders();
    expect(everywhere).toEqual({ source: "/:path*", headers: BASE_SECURITY_HEADERS });
    expect(Object.fromEntries(BASE_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    // X-Frame-Options is per response (a framed settings page leaves it out): the proxy sets it on pages.
    expect(BASE_SECURITY_HEADERS.map((h) => h.key)).not.toContain("X-Frame-Options");
    expect(skipped.map((s) => s.source)).toEqual(PROXY_SKIPPED_SOURCES);
    for (const rule of skipped)
      expect(rule.headers).toEqual([
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ isDev: false, isHttps: false }) },
        { key: "X-Frame-Options", value: "DENY" },
      ]);
  });

  // Two CSP headers on one response would both be enforced, and none would leave it unprotected.
  it("every path gets its CSP from exactly one place: the proxy's matcher or a next.config source", () => {
    // Next matches both kinds of pattern with path-to-regexp, as here.
    const proxied = getPathMatch(config.matcher[0] as string, { strict: true });
    const skipped = PROXY_SKIPPED_SOURCES.map((source) => getPathMatch(source, { strict: true }));
    const paths = [
      "/",
      "/signin",
      "/settings/api-keys",
      "/nope",
      "/favicon.svg",
      "/api",
      "/apiary",
      "/api/health",
      "/api/v1/webhooks/x/test",
      "/_next/static/chunks/a.js",
    ];
    for (const path of paths) {
      const sources = [proxied(path), ...skipped.map((match) => match(path))].filter(Boolean);
      expect(sources, path).toHaveLength(1);
    }
    expect(proxied("/api/health")).toBe(false);
    expect(proxied("/settings/webhooks/deliveries")).not.toBe(false);
  });

  it("nonces are 128 random bits, never repeated", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("proxy", () => {
  it("puts one fresh nonce on the response's CSP and on the request Next renders with", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const first = proxy(new NextRequest("http://localhost:3000/settings/api-keys"));
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    const second = proxy(new NextRequest("http://localhost:3000/settings/api-keys"));
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("adds HSTS when NEXTAUTH_URL is https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://hooks.example.com");
    const response = proxy(new NextRequest("https://hooks.example.com/signin"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("with HOOKLINE_FRAME_ANCESTORS, lets those origins frame the settings pages and nothing else", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://hooks.example.com");
    vi.stubEnv("HOOKLINE_FRAME_ANCESTORS", "https://app.example.com, https://b.example");
    const settings = proxy(new NextRequest("https://hooks.example.com/settings/webhooks"));
    expect(directives(settings.headers.get("content-security-policy") ?? "")["frame-ancestors"]).toEqual(["https://app.example.com", "https://b.example"]);
    expect(settings.headers.get("x-frame-options")).toBeNull();
    const signin = proxy(new NextRequest("https://hooks.example.com/signin"));
    expect(directives(signin.headers.get("content-security-policy") ?? "")["frame-ancestors"]).toEqual(["'none'"]);
    expect(signin.headers.get("x-frame-options")).toBe("DENY");
  });
});

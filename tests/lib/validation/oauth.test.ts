import { describe, expect, it } from "vitest";
import { redirectUriProblem, ZAuthorizeRequest, ZOAuthAppCreate, ZRedirectUri } from "@/lib/validation/oauth";

const firstIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? undefined : `${r.error?.issues[0]?.path.join(".")}: ${r.error?.issues[0]?.message}`;

describe("OAuth validation", () => {
  it("a redirect URI is absolute, without a fragment or credentials", () => {
    for (const ok of ["https://app.example.com/cb", "http://localhost:8080/cb", "com.example.app:/cb"])
      expect(ZRedirectUri.safeParse(ok).success, ok).toBe(true);
    expect(firstIssue(ZRedirectUri.safeParse("https://app.example.com/cb#x"))).toContain("fragment");
    expect(firstIssue(ZRedirectUri.safeParse("https://u:p@app.example.com/cb"))).toContain("credentials");
    expect(firstIssue(ZRedirectUri.safeParse("/relative"))).toContain("Not an absolute URL");
    expect(firstIssue(ZRedirectUri.safeParse(`https://a.example/${"x".repeat(2048)}`))).toContain("2048");
  });

  it("a confidential client: https anywhere, http only to this machine, no custom scheme", () => {
    for (const ok of ["https://app.example.com/cb", "http://localhost:8080/cb", "http://127.0.0.1/cb", "http://[::1]:9/cb"])
      expect(redirectUriProblem(ok, "confidential"), ok).toBeNull();
    expect(redirectUriProblem("http://app.example.com/cb", "confidential")).toContain("Use https");
    expect(redirectUriProblem("javascript:alert(1)", "confidential")).toContain("https");
    expect(redirectUriProblem("com.example.app:/cb", "confidential")).toContain("only for a public client");
  });

  it("a public client: only loopback http (any port) or a private-use scheme with a dot (RFC 8252 §7.1, §7.3)", () => {
    for (const ok of [
      "http://127.0.0.1/cb",
      "http://127.0.0.1:51234/cb",
      "http://[::1]:9/cb",
      "http://localhost:8080/cb",
      "com.example.app:/cb",
      "com.example.app://cb",
    ])
      expect(redirectUriProblem(ok, "public"), ok).toBeNull();
    for (const bad of [
      "https://app.example.com/cb",
      "https://localhost/cb",
      "http://app.example.com/cb",
      "myapp:/cb",
      "javascript:alert(1)",
      "data:text/html,x",
    ])
      expect(redirectUriProblem(bad, "public"), bad).toContain("A public client can only use");
  });

  it("an application: a name, a client type (confidential unless said), at most 10 redirect URIs (repeats dropped), at least one scope", () => {
    expect(ZOAuthAppCreate.parse({ name: " R ", redirectUris: ["https://a.example/cb", "https://a.example/cb"], scopes: ["administrative"] })).toEqual({
      name: "R",
      clientType: "confidential",
      redirectUris: ["https://a.example/cb"],
      scopes: ["administrative"],
    });
    expect(firstIssue(ZOAuthAppCreate.safeParse({ name: "", redirectUris: [], scopes: ["administrative"] }))).toBe("name: Name the application");
    expect(
      firstIssue(
        ZOAuthAppCreate.safeParse({ name: "R", redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`), scopes: ["administrative"] }),
      ),
    ).toBe("redirectUris: At most 10 redirect URIs");
    expect(firstIssue(ZOAuthAppCreate.safeParse({ name: "R", redirectUris: [], scopes: [] }))).toBe("scopes: Pick at least one scope");
    expect(ZOAuthAppCreate.safeParse({ name: "R", redirectUris: [], scopes: ["administrative"], secret: "x" }).success).toBe(false);
    expect(firstIssue(ZOAuthAppCreate.safeParse({ name: "R", clientType: "native", redirectUris: [], scopes: ["administrative"] }))).toBe(
      "clientType: The client type is confidential or public",
    );
  });

  it("the redirect URIs an application may have depend on its type; the issue names the URI", () => {
    const app = { name: "R", scopes: ["webhooks:read"] };
    expect(firstIssue(ZOAuthAppCreate.safeParse({ ...app, redirectUris: ["http://app.example.com/cb"] }))).toContain("redirectUris.0: Use https");
    expect(firstIssue(ZOAuthAppCreate.safeParse({ ...app, clientType: "public", redirectUris: ["http://127.0.0.1:9/cb", "https://a.example/cb"] }))).toContain(
      "redirectUris.1: A public client can only use",
    );
    expect(firstIssue(ZOAuthAppCreate.safeParse({ ...app, clientType: "public", redirectUris: [] }))).toContain(
      "redirectUris: A public client needs a redirect URI",
    );
    expect(ZOAuthAppCreate.parse({ ...app, clientType: "public", redirectUris: ["com.example.app:/cb"] })).toMatchObject({ clientType: "public" });
  });

  it("an authorization request needs response_type=code and an S256 PKCE challenge", () => {
    const request = {
      response_type: "code",
      client_id: "hlc_x",
      redirect_uri: "https://a.example/cb",
      code_challenge: "a".repeat(43),
      code_challenge_method: "S256",
    };
    expect(ZAuthorizeRequest.safeParse(request).success).toBe(true);
    expect(firstIssue(ZAuthorizeRequest.safeParse({ ...request, response_type: "token" }))).toBe("response_type: response_type must be code");
    expect(firstIssue(ZAuthorizeRequest.safeParse({ ...request, code_challenge_method: "plain" }))).toBe(
      "code_challenge_method: code_challenge_method must be S256",
    );
    expect(firstIssue(ZAuthorizeRequest.safeParse({ ...request, code_challenge: "short" }))).toContain("PKCE is required");
  });
});

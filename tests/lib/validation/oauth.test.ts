import { describe, expect, it } from "vitest";
import { ZAuthorizeRequest, ZOAuthAppCreate, ZRedirectUri } from "@/lib/validation/oauth";

const firstIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? undefined : `${r.error?.issues[0]?.path.join(".")}: ${r.error?.issues[0]?.message}`;

describe("OAuth validation", () => {
  it("redirect URIs: https anywhere, http only to this machine, no fragment or credentials", () => {
    for (const ok of ["https://app.example.com/cb", "http://localhost:8080/cb", "http://127.0.0.1/cb", "http://[::1]:9/cb"])
      expect(ZRedirectUri.safeParse(ok).success, ok).toBe(true);
    expect(firstIssue(ZRedirectUri.safeParse("http://app.example.com/cb"))).toContain("Use https");
    expect(firstIssue(ZRedirectUri.safeParse("https://app.example.com/cb#x"))).toContain("fragment");
    expect(firstIssue(ZRedirectUri.safeParse("https://u:p@app.example.com/cb"))).toContain("credentials");
    expect(firstIssue(ZRedirectUri.safeParse("javascript:alert(1)"))).toContain("https");
    expect(firstIssue(ZRedirectUri.safeParse("/relative"))).toContain("Not an absolute URL");
    expect(firstIssue(ZRedirectUri.safeParse(`https://a.example/${"x".repeat(2048)}`))).toContain("2048");
  });

  it("an application: a name, at most 10 redirect URIs (repeats dropped), at least one scope", () => {
    expect(ZOAuthAppCreate.parse({ name: " R ", redirectUris: ["https://a.example/cb", "https://a.example/cb"], scopes: ["administrative"] })).toEqual({
      name: "R",
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

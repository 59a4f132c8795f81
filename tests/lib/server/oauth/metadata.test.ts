import { describe, expect, it } from "vitest";
import { authorizationServerMetadata } from "@/lib/server/oauth/metadata";
import { SCOPES } from "@/lib/validation/scopes";

describe("authorizationServerMetadata (RFC 8414)", () => {
  it("names the issuer and its endpoints under the given origin, and what they support", () => {
    const doc = authorizationServerMetadata("https://hooks.example.com");
    expect(doc).toMatchObject({
      issuer: "https://hooks.example.com",
      authorization_endpoint: "https://hooks.example.com/oauth/authorize",
      token_endpoint: "https://hooks.example.com/api/oauth/token",
      revocation_endpoint: "https://hooks.example.com/api/oauth/revoke",
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
    });
    expect(doc.scopes_supported).toEqual([...SCOPES]);
    expect(doc.grant_types_supported).not.toContain("password");
  });

  it("lists the client authentication methods accepted, none (public clients, PKCE) included whether or not one is registered yet", () => {
    const methods = ["client_secret_basic", "client_secret_post", "none"];
    const doc = authorizationServerMetadata("https://h.example");
    expect(doc.token_endpoint_auth_methods_supported).toEqual(methods);
    expect(doc.revocation_endpoint_auth_methods_supported).toEqual(methods);
  });
});

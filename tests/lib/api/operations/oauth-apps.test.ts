import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/oauth-apps";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("OAuth application operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("are for a signed-in admin's session only: no token registers applications, revokes tokens or consents", () => {
    for (const op of declaredIn(operations)) expect(op.isSessionOnly, op.path).toBe(true);
  });

  it("an application needs a name and scopes; consent needs PKCE and a decision", () => {
    expect(refusedAt(operations.createOAuthAppOperation.body, { redirectUris: [], scopes: ["administrative"] })).toBe("name");
    expect(refusedAt(operations.createOAuthAppOperation.body, { name: "a", redirectUris: [], scopes: [] })).toBe("scopes");
    expect(refusedAt(operations.createOAuthAppOperation.body, { name: "a", redirectUris: ["http://example.com/cb"], scopes: ["administrative"] })).toBe(
      "redirectUris.0",
    );
    // A public client's redirect URIs are loopback or its own scheme: a web page is refused, naming the field.
    const publicApp = { name: "a", clientType: "public", scopes: ["administrative"] };
    expect(refusedAt(operations.createOAuthAppOperation.body, { ...publicApp, redirectUris: ["https://a.example/cb"] })).toBe("redirectUris.0");
    expect(refusedAt(operations.createOAuthAppOperation.body, { ...publicApp, redirectUris: ["http://127.0.0.1:9/cb"] })).toBeUndefined();
    const request = {
      response_type: "code",
      client_id: "hlc_x",
      redirect_uri: "https://a.example/cb",
      state: "s",
      code_challenge_method: "S256",
      decision: "approve",
    };
    expect(refusedAt(operations.consentOperation.body, request)).toBe("code_challenge");
    expect(refusedAt(operations.consentOperation.body, { ...request, code_challenge: "a".repeat(43), decision: "maybe" })).toBe("decision");
  });

  it("restoring names the application and says when it cannot be restored (409)", () => {
    expect(operations.restoreOAuthAppOperation).toMatchObject({ method: "POST", path: "/oauth-apps/{id}/restore" });
    expect(operations.restoreOAuthAppOperation.errors).toContain(409);
    expect(refusedAt(operations.restoreOAuthAppOperation.params, { id: "nope" })).toBe("id");
  });
});

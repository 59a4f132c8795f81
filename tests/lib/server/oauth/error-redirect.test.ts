import { describe, expect, it } from "vitest";
import { errorRedirect } from "@/lib/server/oauth/error-redirect";

describe("errorRedirect", () => {
  it("adds error, error_description and state to the redirect URI, keeping its own query", () => {
    const to = new URL(errorRedirect("https://a.example/cb?tenant=7", "access_denied", "The admin said no", "xyz"));
    expect(`${to.origin}${to.pathname}`).toBe("https://a.example/cb");
    expect(Object.fromEntries(to.searchParams)).toEqual({ tenant: "7", error: "access_denied", error_description: "The admin said no", state: "xyz" });
  });

  it("leaves state out when the client sent none, and encodes what it adds", () => {
    const to = new URL(errorRedirect("http://127.0.0.1:8080/cb", "invalid_scope", "Asks for a&b=c"));
    expect(to.searchParams.has("state")).toBe(false);
    expect(to.searchParams.get("error_description")).toBe("Asks for a&b=c");
    expect(to.search).not.toContain("a&b=c");
  });
});

import { describe, expect, it, vi } from "vitest";
import { oauthError, readFormParams, toOAuthErrorResponse, tooManyAttempts } from "@/lib/api/oauth/oauth-http";
import { DatabaseUnavailableError } from "@/lib/db/open-database";

const post = (body: string, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/x", { method: "POST", headers: { "content-type": type }, body });

describe("the OAuth server's HTTP edges", () => {
  it("reads form parameters once each; JSON, repeats and oversized bodies are invalid_request / 413", async () => {
    expect(await readFormParams(post("a=1&b=%20two"))).toEqual({ a: "1", b: " two" });
    for (const [request, status] of [
      [post("{}", "application/json"), 400],
      [post("a=1&a=2"), 400],
      [post(`a=${"x".repeat(20_000)}`), 413],
    ] as const) {
      const answer = await readFormParams(request);
      expect(answer).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(status);
      expect(((await (answer as Response).json()) as { error: string }).error).toBe("invalid_request");
    }
  });

  it("errors are RFC 6749 §5.2 bodies that are never cached", async () => {
    const res = oauthError(400, "invalid_grant", "No such code");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: "invalid_grant", error_description: "No such code" });
  });

  it("429 is slow_down with Retry-After; anything else thrown is answered as /api/v1 decides, in OAuth's words", async () => {
    const locked = tooManyAttempts(3);
    expect([locked.status, locked.headers.get("retry-after"), ((await locked.json()) as { error: string }).error]).toEqual([429, "3", "slow_down"]);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = toOAuthErrorResponse(new DatabaseUnavailableError("connect ECONNREFUSED 10.0.0.5:5432"));
      expect([down.status, down.headers.get("retry-after"), down.headers.get("cache-control")]).toEqual([503, "5", "no-store"]);
      const body = (await down.json()) as { error: string; error_description: string };
      expect(body.error).toBe("temporarily_unavailable");
      expect(body.error_description).not.toContain("ECONNREFUSED");
      const bug = toOAuthErrorResponse(new TypeError("secretColumn of undefined"));
      expect([bug.status, bug.headers.get("retry-after")]).toEqual([500, null]);
      expect(await bug.json()).toEqual({ error: "server_error", error_description: "Something went wrong on the server" });
    } finally {
      quiet.mockRestore();
    }
  });
});

import { describe, expect, it } from "vitest";
import { oauthError, readFormParams } from "@/lib/api/oauth/oauth-http";

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
});

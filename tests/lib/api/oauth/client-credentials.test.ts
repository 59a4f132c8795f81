import { describe, expect, it } from "vitest";
import { readClientCredentials } from "@/lib/api/oauth/client-credentials";

const request = (authorization?: string) =>
  new Request("http://localhost/api/oauth/token", { method: "POST", headers: authorization ? { authorization } : {} });
const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;

describe("readClientCredentials", () => {
  it("HTTP Basic (form-encoded id and secret, RFC 6749 §2.3.1), else the body, else a bare client_id", () => {
    expect(readClientCredentials(request(basic("hlc_a:hlcs_b")), { client_id: "ignored" })).toEqual({ id: "hlc_a", secret: "hlcs_b" });
    expect(readClientCredentials(request(basic("hlc%3Aa:s%25")), {})).toEqual({ id: "hlc:a", secret: "s%" });
    expect(readClientCredentials(request(), { client_id: "hlc_a", client_secret: "hlcs_b" })).toEqual({ id: "hlc_a", secret: "hlcs_b" });
    expect(readClientCredentials(request(), { client_id: "hlc_a" })).toEqual({ id: "hlc_a", secret: undefined });
  });

  it("a mangled Basic header names no client; Basic and a body secret at once is invalid_request", async () => {
    expect(readClientCredentials(request(basic("%E0%A4%A:x")), { client_id: "hlc_a" })).toEqual({});
    expect(readClientCredentials(request("Basic %%%"), {})).toEqual({ id: undefined, secret: undefined });
    const both = readClientCredentials(request(basic("hlc_a:hlcs_b")), { client_secret: "hlcs_b" });
    expect(both).toBeInstanceOf(Response);
    expect((both as Response).status).toBe(400);
    expect(((await (both as Response).json()) as { error: string }).error).toBe("invalid_request");
  });
});

import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/http/public-origin";

const at = (headers: Record<string, string>) => new Request("http://localhost:3000/x", { headers });

describe("publicOrigin", () => {
  it("is HOOKLINE_PUBLIC_URL when configured, whatever the request says", () => {
    expect(publicOrigin(at({ host: "10.0.0.5" }), "https://hooks.example.com", 0)).toBe("https://hooks.example.com");
  });

  it("else the origin the request was addressed to, read as the CSRF check reads it", () => {
    expect(publicOrigin(at({ host: "hooks.example.com:8080" }), undefined, 0)).toBe("http://hooks.example.com:8080");
    const proxied = at({ host: "10.0.0.5", "x-forwarded-host": "hooks.example.com", "x-forwarded-proto": "https" });
    expect(publicOrigin(proxied, undefined, 0)).toBe("http://10.0.0.5");
    expect(publicOrigin(proxied, undefined, 1)).toBe("https://hooks.example.com");
  });

  it("falls back to the request's URL when the Host is not a host[:port]", () => {
    for (const host of ["a.example@b.example", "a.example/path", "a.example?x", "a b"])
      expect(publicOrigin(at({ host }), undefined, 0), host).toBe("http://localhost:3000");
  });
});

import { describe, expect, it } from "vitest";
import { open, SecretBoxError, seal } from "@/lib/crypto/secret-box";

const KEY = Buffer.alloc(32, 1);

describe("secret box", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = seal("whsec_abc", KEY);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain("whsec_abc");
    expect(seal("whsec_abc", KEY)).not.toBe(a);
    expect(open(a, KEY)).toBe("whsec_abc");
  });
  it("refuses a wrong key or a tampered value", () => {
    const sealed = seal("secret", KEY);
    expect(() => open(sealed, Buffer.alloc(32, 2))).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => open(parts.join("."), KEY)).toThrow(/cannot decrypt/);
    expect(() => open("plaintext", KEY)).toThrow(/not a sealed secret/);
  });
});

import { describe, expect, it } from "vitest";
import { open, SecretBoxError, seal } from "@/lib/crypto/secret-box";
import { API_KEY_PREFIX, generateApiKey, generateWebhookToken, hashApiKey } from "@/lib/crypto/tokens";
import { HOOKLINE_VERSION } from "@/lib/version";
import pkg from "../../../package.json";

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

describe("tokens", () => {
  it("makes whsec_ tokens of 32 random bytes", () => {
    const token = generateWebhookToken();
    expect(token).toMatch(/^whsec_/);
    expect(Buffer.from(token.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookToken()).not.toBe(token);
  });
  it("makes API keys whose hash and prefix identify them", () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(key.length - 20);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toBe(hashApiKey(`${key}x`));
  });
  it("HOOKLINE_VERSION matches package.json", () => {
    expect(HOOKLINE_VERSION).toBe(pkg.version);
  });
});

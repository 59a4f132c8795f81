import { describe, expect, it } from "vitest";
import {
  API_KEY_PREFIX,
  generateAdminApiKey,
  generateApiKey,
  generateOAuthCredential,
  generateWebhookToken,
  hashApiKey,
  OAUTH_PREFIX,
} from "@/lib/crypto/tokens";

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
  it("makes administrative keys of 128 random bits in Worksection's 32-hex-digit form, never shaped like a Bearer key", () => {
    const key = generateAdminApiKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key.startsWith(API_KEY_PREFIX)).toBe(false);
    expect(generateAdminApiKey()).not.toBe(key);
  });

  it("makes OAuth credentials recognisable by kind, never in an API key's form", () => {
    for (const kind of ["clientId", "clientSecret", "accessToken", "refreshToken", "code"] as const) {
      const value = generateOAuthCredential(kind);
      expect(value.startsWith(OAUTH_PREFIX[kind])).toBe(true);
      expect(value.startsWith(API_KEY_PREFIX)).toBe(false);
      expect(value.length - OAUTH_PREFIX[kind].length).toBe(32);
      expect(generateOAuthCredential(kind)).not.toBe(value);
    }
  });
});

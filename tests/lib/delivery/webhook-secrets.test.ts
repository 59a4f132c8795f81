import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, signingTokens } from "@/lib/delivery/webhook-secrets";

describe("webhook secrets", () => {
  it("seals under the instance key (never the plaintext, a new nonce each time) and opens back", () => {
    const sealed = sealSecret("whsec_token-value");
    expect(sealed).not.toContain("whsec_token-value");
    expect(sealSecret("whsec_token-value")).not.toBe(sealed);
    expect(openSecret(sealed)).toBe("whsec_token-value");
    expect(() => openSecret(`${sealed.slice(0, -4)}AAAA`)).toThrow();
  });

  it("signs with the current token, and the previous one only while its grace lasts", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const row = { tokenCiphertext: sealSecret("new"), previousTokenCiphertext: sealSecret("old"), previousTokenExpiresAt: new Date(now.getTime() + 1_000) };
    expect(signingTokens(row, now)).toEqual(["new", "old"]);
    expect(signingTokens({ ...row, previousTokenExpiresAt: now }, now)).toEqual(["new"]);
    expect(signingTokens({ ...row, previousTokenCiphertext: null, previousTokenExpiresAt: null }, now)).toEqual(["new"]);
  });
});

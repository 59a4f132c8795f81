import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A webhook signing token: `whsec_` + base64 of 32 random bytes (the Standard Webhooks shape). */
export function generateWebhookToken(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export const API_KEY_PREFIX = "hkl_";

/** A new admin-API key; only its hash is stored, and `prefix` is shown to tell keys apart. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6), hash: hashApiKey(key) };
}

// Keys carry 192 random bits, so a fast unsalted hash is enough: there is nothing to brute-force.
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The administrative API key (Worksection-compatible): 128 random bits as 32 hex digits, Worksection's own format. */
export function generateAdminApiKey(): string {
  return randomBytes(16).toString("hex");
}

/** Prefixes of OAuth 2.0 credentials, so a leaked one is recognisable (and never mistaken for an API key). */
export const OAUTH_PREFIX = { clientId: "hlc_", clientSecret: "hlcs_", accessToken: "hlat_", refreshToken: "hlrt_", code: "hlac_" } as const;

/** A random OAuth credential of that kind: 192 bits, stored only as hashApiKey's SHA-256. */
export function generateOAuthCredential(kind: keyof typeof OAUTH_PREFIX): string {
  return `${OAUTH_PREFIX[kind]}${randomBytes(24).toString("base64url")}`;
}

export const SIGN_IN_LINK_PREFIX = "hlsl_";

/** A sign-in link's token: 192 random bits; only its SHA-256 (hashApiKey) is stored. */
export function generateSignInToken(): string {
  return `${SIGN_IN_LINK_PREFIX}${randomBytes(24).toString("base64url")}`;
}

import "server-only";
// A webhook's secrets at rest (AES-256-GCM under the instance key) and the tokens that sign its deliveries.
import { open, seal } from "../crypto/secret-box";
import { instanceSecrets } from "../instance-secrets";

export const sealSecret = (plaintext: string) => seal(plaintext, instanceSecrets().encryptionKey);
export const openSecret = (sealed: string) => open(sealed, instanceSecrets().encryptionKey);

type TokenRow = { tokenCiphertext: string; previousTokenCiphertext: string | null; previousTokenExpiresAt: Date | null };

/** The tokens that sign now: the current one, plus the previous one while its 24 h grace lasts. */
export function signingTokens(row: TokenRow, now = new Date()): string[] {
  const tokens = [openSecret(row.tokenCiphertext)];
  if (row.previousTokenCiphertext && row.previousTokenExpiresAt && row.previousTokenExpiresAt > now) tokens.push(openSecret(row.previousTokenCiphertext));
  return tokens;
}

import { z } from "zod";

// The installation's administrative API key (Worksection-compatible /api/admin/v2): revealed to
// signed-in admins on request, so it is stored sealed rather than hashed.

export const ZAdminApiKey = z.object({
  key: z.string().describe("32 hex digits; /api/admin/v2 calls carry hash = md5(query parameters + key)"),
  createdAt: z.string().describe("When it was made; a regenerated key replaces the old one at once"),
});
export type TAdminApiKey = z.infer<typeof ZAdminApiKey>;

/** What the settings page knows without revealing the key. */
export type TAdminApiKeyInfo = { createdAt: string | null };

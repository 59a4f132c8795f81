import { z } from "zod";

export const ZApiKeyCreate = z
  .object({ name: z.string().trim().min(1, { error: "Name the key" }).max(100, { error: "Name must be at most 100 characters" }) })
  .strict();
export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;
export const ZApiKeyCreated = ZApiKey.extend({ key: z.string().describe("Shown once; only its hash is stored") });
export const ZApiKeyId = z.object({ id: z.uuid({ error: "Not an API key id" }) });

import { z } from "zod";
import { ZRevokedReason } from "./revocation";
import { SCOPES, ZScopes } from "./scopes";

export const ZApiKeyCreate = z
  .object({
    name: z.string().trim().min(1, { error: "Name the key" }).max(100, { error: "Name must be at most 100 characters" }),
    // Left out: administrative, what every key could do before keys had scopes.
    scopes: ZScopes.default(["administrative"]).describe(`What the key may do, any of: ${SCOPES.join(", ")}; default administrative`),
  })
  .strict();
export type TApiKeyCreate = z.input<typeof ZApiKeyCreate>;
export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: ZRevokedReason,
  createdBy: z.string().nullable().describe("Its creator's email (who restored it, after a restore); null once that user is deleted"),
});
export type TApiKey = z.infer<typeof ZApiKey>;
export const ZApiKeyCreated = ZApiKey.extend({ key: z.string().describe("Shown once; only its hash is stored") });
export const ZApiKeyId = z.object({ id: z.uuid({ error: "Not an API key id" }) });

import "server-only";
import type { z } from "zod";
import { generateApiKey } from "../../crypto/tokens";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { type TApiKey, ZApiKeyCreate } from "../../validation/api-key";
import { BY_ADMIN, CREATOR_NOT_ADMIN, revokedReasonOf } from "../../validation/revocation";
import { knownScopes } from "../../validation/scopes";
import { restoreRefusal } from "../credentials/restore-refusal";
import { writeAsAdmin } from "../credentials/write-as-admin";

type Row = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedFor: string | null;
  createdBy: { email: string } | null;
};
const SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  revokedFor: true,
  createdBy: { select: { email: true } },
} as const;

const toDto = (k: Row): TApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: knownScopes(k.scopes),
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  revokedReason: revokedReasonOf(k.revokedAt, k.revokedFor),
  createdBy: k.createdBy?.email ?? null,
});

/**
 * The key itself is in the answer this once; the database keeps only its SHA-256. It works while
 * its creator is an admin (lib/server/credentials/).
 */
/** A key as the audit log names it. */
const keyTarget = (k: { id: string; name: string }) => ({ type: "api_key", id: k.id, name: k.name });

export async function createApiKey(ctx: TWorkspaceContext, input: z.input<typeof ZApiKeyCreate>, createdById: string | null) {
  const { name, scopes } = ZApiKeyCreate.parse(input);
  const { key, prefix, hash } = generateApiKey();
  const row = await writeAsAdmin(
    ctx,
    createdById,
    (tx) => tx.apiKey.create({ data: { name, prefix, hash, scopes, createdById }, select: SELECT }),
    (created) => ({ action: "api_key.created", target: keyTarget(created), changes: { scopes, prefix } }),
    { isOperatorNeeded: scopes.includes("operator") },
  );
  return { ...toDto(row), key };
}

export async function listApiKeys(ctx: TWorkspaceContext): Promise<TApiKey[]> {
  return (await ctx.db.apiKey.findMany({ select: SELECT, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] })).map(toDto);
}

/**
 * Revoking is immediate and final; revoking a revoked key changes nothing, except that one revoked
 * because its creator stopped being an admin is then revoked by an admin (no longer restorable).
 */
export async function revokeApiKey(ctx: TWorkspaceContext, id: string, now = new Date()): Promise<TApiKey> {
  const { db } = ctx;
  const key = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true, name: true } });
  if (!key) throw DomainError.notFound("API key");
  const data = key.revokedAt ? { revokedFor: BY_ADMIN } : { revokedAt: now, revokedFor: BY_ADMIN };
  return toDto(
    await auditedChange(ctx, (tx) => tx.apiKey.update({ where: { id }, data, select: SELECT }), {
      action: "api_key.revoked",
      target: keyTarget({ id, name: key.name }),
    }),
  );
}

/**
 * Brings back a key revoked because its creator stopped being an admin: the same secret works again,
 * so the host product using it needs no change, and `adminId` becomes its creator (it now ends with
 * their admin role). A key an admin revoked stays revoked (409).
 */
export async function restoreApiKey(ctx: TWorkspaceContext, id: string, adminId: string): Promise<TApiKey> {
  return writeAsAdmin(
    ctx,
    adminId,
    async (tx) => {
      const { count } = await tx.apiKey.updateMany({
        where: { id, revokedAt: { not: null }, revokedFor: CREATOR_NOT_ADMIN },
        data: { revokedAt: null, revokedFor: null, createdById: adminId },
      });
      if (count === 0) throw restoreRefusal("API key", await tx.apiKey.findUnique({ where: { id }, select: { revokedAt: true, revokedFor: true } }));
      return toDto(await tx.apiKey.findUniqueOrThrow({ where: { id }, select: SELECT }));
    },
    (restored) => ({ action: "api_key.restored", target: keyTarget(restored) }),
  );
}

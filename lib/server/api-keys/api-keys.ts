import "server-only";
import type { z } from "zod";
import { generateApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import { DomainError } from "../../errors/domain-error";
import { type TApiKey, ZApiKeyCreate } from "../../validation/api-key";
import { knownScopes } from "../../validation/scopes";

type Row = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
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
  createdBy: k.createdBy?.email ?? null,
});

/** The key itself is in the answer this once; the database keeps only its SHA-256. */
export async function createApiKey(input: z.input<typeof ZApiKeyCreate>, createdById: string | null) {
  const { name, scopes } = ZApiKeyCreate.parse(input);
  const { key, prefix, hash } = generateApiKey();
  const row = await (await getDb()).apiKey.create({ data: { name, prefix, hash, scopes, createdById }, select: SELECT });
  return { ...toDto(row), key };
}

export async function listApiKeys(): Promise<TApiKey[]> {
  return (await (await getDb()).apiKey.findMany({ select: SELECT, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] })).map(
    toDto,
  );
}

/** Revoking is immediate and final; revoking a revoked key changes nothing. */
export async function revokeApiKey(id: string, now = new Date()): Promise<TApiKey> {
  const db = await getDb();
  const key = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!key) throw DomainError.notFound("API key");
  const row = key.revokedAt
    ? await db.apiKey.findUniqueOrThrow({ where: { id }, select: SELECT })
    : await db.apiKey.update({ where: { id }, data: { revokedAt: now }, select: SELECT });
  return toDto(row);
}

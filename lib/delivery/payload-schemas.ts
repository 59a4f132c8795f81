import "server-only";
import type { PrismaClient } from "../db";
import { catalogModelOf } from "../db/event-examples";
import type { TWorkspaceContext } from "../db/workspace-context";
import { compileSchema, type TSchemaIssue, type TValidator } from "../json-schema/compile-schema";

// The JSON Schema a publish's data is checked against (HOOKLINE_VALIDATE_PAYLOADS, lib/delivery/
// publish-event.ts): the built-in type's from the catalog, or the workspace's own type's from the
// database. A workspace's schema is read once and kept SCHEMA_TTL_MS: a PATCH takes effect at once in
// the process that made it (forgetSchema) and within that time in every other one. Bounded like
// the known-types cache: least recently used entries go past CACHE_MAX.

const SCHEMA_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

type TEntry = { validator: TValidator | null; at: number };
const own = new WeakMap<PrismaClient, Map<string, TEntry>>();

function entries(prisma: PrismaClient): Map<string, TEntry> {
  let map = own.get(prisma);
  if (!map) {
    map = new Map();
    own.set(prisma, map);
  }
  return map;
}

/** A workspace's type changed here: its next publish reads the schema again. */
export function forgetSchema(ctx: TWorkspaceContext, type: string): void {
  entries(ctx.prisma).delete(`${ctx.workspace.id} ${type}`);
}

async function validatorOf(ctx: TWorkspaceContext, type: string): Promise<TValidator | null> {
  const builtIn = catalogModelOf(type);
  if (builtIn) return compileSchema(builtIn.schema);
  const map = entries(ctx.prisma);
  const key = `${ctx.workspace.id} ${type}`;
  const cached = map.get(key);
  if (cached && Date.now() - cached.at < SCHEMA_TTL_MS) return cached.validator;
  const row = await ctx.db.customEventType.findFirst({ where: { name: type }, select: { schema: true } });
  // A stored schema was compiled when it was saved; one that no longer compiles (a newer Ajv) checks nothing.
  let validator: TValidator | null = null;
  try {
    validator = row?.schema ? compileSchema(row.schema) : null;
  } catch {
    validator = null;
  }
  map.delete(key);
  if (map.size >= CACHE_MAX) map.delete(map.keys().next().value as string);
  map.set(key, { validator, at: Date.now() });
  return validator;
}

/** What is wrong with `data` by its type's schema ([] when it conforms or the type has none). */
export async function schemaIssues(ctx: TWorkspaceContext, type: string, data: unknown): Promise<TSchemaIssue[]> {
  const validator = await validatorOf(ctx, type);
  return validator ? validator(data, "data") : [];
}

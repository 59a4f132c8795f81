import "server-only";
import { auditedChange } from "../../db/audited-change";
import { catalogModelOf } from "../../db/event-examples";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { forgetSchema } from "../../delivery/payload-schemas";
import { DomainError } from "../../errors/domain-error";
import { Prisma } from "../../generated/prisma/client";
import { compileSchema, JsonSchemaError } from "../../json-schema/compile-schema";
import {
  type TEventType,
  type TEventTypeCreate,
  type TEventTypeDetail,
  type TEventTypeUpdate,
  ZEventTypeCreate,
  ZEventTypeUpdate,
} from "../../validation/event-type";

const SELECT = { name: true, description: true, group: true } as const;
const byGroupThenName = (a: TEventType, b: TEventType) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name);

type TRow = { name: string; description: string; group: string };
type TOwnRow = TRow & { schema: unknown; example: unknown };

/** A built-in type as the API shows it: the catalog's schema and example (lib/db/event-examples). */
function builtInDetail(row: TRow): TEventTypeDetail {
  const model = catalogModelOf(row.name);
  return { ...row, isCustom: false, hasSchema: Boolean(model), hasExample: Boolean(model), schema: model?.schema ?? null, example: model?.example ?? null };
}

function ownDetail(row: TOwnRow): TEventTypeDetail {
  const schema = (row.schema ?? null) as Record<string, unknown> | null;
  const example = row.example ?? null;
  return { ...row, isCustom: true, hasSchema: schema !== null, hasExample: example !== null, schema, example };
}

const summary = ({ schema: _s, example: _e, ...rest }: TEventTypeDetail): TEventType => rest;

/** The built-in catalog, shared by every workspace, and this workspace's own types (without their schemas: see getEventType). */
export async function listEventTypes(ctx: TWorkspaceContext): Promise<TEventType[]> {
  const [builtIn, own] = await Promise.all([
    ctx.db.eventType.findMany({ select: SELECT }),
    ctx.db.customEventType.findMany({ select: { ...SELECT, schema: true, example: true } }),
  ]);
  return [...builtIn.map((e) => summary(builtInDetail(e))), ...own.map((e) => summary(ownDetail(e)))].sort(byGroupThenName);
}

/** One type with its schema and example, built-in or this workspace's. */
export async function getEventType(ctx: TWorkspaceContext, name: string): Promise<TEventTypeDetail> {
  const builtIn = await ctx.db.eventType.findUnique({ where: { name }, select: SELECT });
  if (builtIn) return builtInDetail(builtIn);
  const own = await ctx.db.customEventType.findFirst({ where: { name }, select: { ...SELECT, schema: true, example: true } });
  if (!own) throw DomainError.notFound("Event type");
  return ownDetail(own);
}

/** Which of `names` this workspace knows: the catalog's and its own. */
export async function knownEventTypes(ctx: TWorkspaceContext, names: string[]): Promise<Set<string>> {
  const where = { name: { in: names } };
  const [builtIn, own] = await Promise.all([
    ctx.db.eventType.findMany({ where, select: { name: true } }),
    ctx.db.customEventType.findMany({ where, select: { name: true } }),
  ]);
  return new Set([...builtIn, ...own].map((e) => e.name));
}

/** A schema must compile, and an example must be valid against the schema it goes with: refused otherwise, naming the field. */
function checkSchemaAndExample(schema: unknown, example: unknown): void {
  if (schema === null || schema === undefined) return;
  let validate: ReturnType<typeof compileSchema>;
  try {
    validate = compileSchema(schema);
  } catch (error) {
    if (error instanceof JsonSchemaError) throw DomainError.invalid("schema", `schema ${error.message}`);
    throw error;
  }
  if (example === null || example === undefined) return;
  const issues = validate(example, "example");
  if (issues.length) throw DomainError.invalidAll(issues.map((i) => ({ path: i.path, message: `The example does not match the schema: ${i.message}` })));
}

const json = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** Hosts register their own event types, per workspace; a name of the catalog or already taken is a 409. */
export async function createEventType(ctx: TWorkspaceContext, input: TEventTypeCreate): Promise<TEventTypeDetail> {
  const { schema, example, ...data } = ZEventTypeCreate.parse(input);
  checkSchemaAndExample(schema, example);
  const conflict = () => new DomainError("conflict", "conflict", `Event type "${data.name}" already exists`);
  if (await ctx.db.eventType.findUnique({ where: { name: data.name }, select: { name: true } })) throw conflict();
  try {
    const created = await auditedChange(
      ctx,
      (tx) =>
        tx.customEventType.create({
          data: { ...data, ...(schema != null ? { schema: json(schema) } : {}), ...(example != null ? { example: json(example) } : {}) },
          select: { ...SELECT, schema: true, example: true },
        }),
      {
        action: "event_type.created",
        target: { type: "event_type", id: data.name, name: data.name },
        changes: { description: data.description, group: data.group, hasSchema: schema != null, hasExample: example != null },
      },
    );
    forgetSchema(ctx, data.name);
    return ownDetail(created);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict();
    throw error;
  }
}

/**
 * Changes a workspace's own type (PATCH): description, group, schema, example; null removes a
 * schema or an example. The pair that results is checked as on create. The catalog's types are
 * shared by every workspace and cannot be changed (409).
 */
export async function updateEventType(ctx: TWorkspaceContext, name: string, input: TEventTypeUpdate): Promise<TEventTypeDetail> {
  const patch = ZEventTypeUpdate.parse(input);
  if (catalogModelOf(name) || (await ctx.db.eventType.findUnique({ where: { name }, select: { name: true } })))
    throw new DomainError("conflict", "built_in", `"${name}" is a built-in event type, shared by every workspace: it cannot be changed`);
  const before = await ctx.db.customEventType.findFirst({ where: { name }, select: { ...SELECT, schema: true, example: true } });
  if (!before) throw DomainError.notFound("Event type");
  const schema = patch.schema !== undefined ? patch.schema : before.schema;
  const example = patch.example !== undefined ? patch.example : before.example;
  checkSchemaAndExample(schema, example);
  const changes: Record<string, unknown> = {};
  for (const field of ["description", "group"] as const)
    if (patch[field] !== undefined && patch[field] !== before[field]) changes[field] = { from: before[field], to: patch[field] };
  // Schemas and examples can be large: the entry says that they changed, not what they were.
  for (const field of ["schema", "example"] as const)
    if (patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(before[field])) changes[field] = "changed";
  const updated = await auditedChange(
    ctx,
    (tx) =>
      tx.customEventType.update({
        where: { workspaceId_name: { workspaceId: ctx.workspace.id, name } },
        data: {
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.group !== undefined ? { group: patch.group } : {}),
          ...(patch.schema !== undefined ? { schema: json(patch.schema) } : {}),
          ...(patch.example !== undefined ? { example: json(patch.example) } : {}),
        },
        select: { ...SELECT, schema: true, example: true },
      }),
    { action: "event_type.updated", target: { type: "event_type", id: name, name }, changes },
  );
  forgetSchema(ctx, name);
  return ownDetail(updated);
}

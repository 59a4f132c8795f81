// A built-in event type's JSON Schema (2020-12) and example, written compactly: a property is a type
// name ("string", "integer", "number", "boolean", "date-time", "email", "uri", "uuid"), the same with
// "?" (may be null), or a schema of its own. Objects allow more properties than they list: a host's
// model carries fields this catalog does not name, and a schema that refused them would flag every
// real payload.

export type TJsonSchema = { [key: string]: unknown };
export type TEventModel = { schema: TJsonSchema; example: Record<string, unknown> };
export type TProp = string | TJsonSchema;

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

const FORMATS = new Set(["date-time", "email", "uri", "uuid"]);

function propSchema(prop: TProp): TJsonSchema {
  if (typeof prop !== "string") return prop;
  const isNullable = prop.endsWith("?");
  const name = isNullable ? prop.slice(0, -1) : prop;
  const base: TJsonSchema = FORMATS.has(name) ? { type: "string", format: name } : { type: name };
  return isNullable ? { ...base, type: [base.type, "null"] } : base;
}

/** An object schema: its properties, which of them are required. */
export function object(properties: Record<string, TProp>, required: string[] = []): TJsonSchema {
  return {
    type: "object",
    properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, propSchema(v)])),
    ...(required.length ? { required } : {}),
  };
}

/** A reference to another record: `{ "id": … }` and what else it names. */
export function ref(properties: Record<string, TProp> = {}, idType = "integer"): TJsonSchema {
  return object({ id: idType, ...properties }, ["id"]);
}

export function nullable(schema: TJsonSchema): TJsonSchema {
  return { anyOf: [schema, { type: "null" }] };
}

export function arrayOf(items: TProp): TJsonSchema {
  return { type: "array", items: propSchema(items) };
}

/** The event's model: a titled object schema in the 2020-12 dialect, with its example. */
export function model(
  title: string,
  description: string,
  properties: Record<string, TProp>,
  required: string[],
  example: Record<string, unknown>,
): TEventModel {
  return { schema: { $schema: JSON_SCHEMA_DIALECT, title, description, ...object(properties, required) }, example };
}

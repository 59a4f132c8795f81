import { type ZodType, z } from "zod";

// JSON Schema pieces for the OpenAPI document, generated from the same Zod schemas the handlers
// parse with, so the documentation cannot drift from what the API accepts.

export type TJson = Record<string, unknown>;

const toJson = (schema: ZodType, io: "input" | "output"): TJson => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as TJson;
/** What a client may send (defaults optional). */
export const input = (schema: ZodType): TJson => toJson(schema, "input");
/** What the API answers (defaults filled). */
export const output = (schema: ZodType): TJson => toJson(schema, "output");
/** Without its $schema line, for #/components/schemas. */
export const strip = ({ $schema: _ignored, ...rest }: TJson): TJson => rest;
export const ref = (name: string): TJson => ({ $ref: `#/components/schemas/${name}` });
/** A keyset page: { data: [item], nextCursor }. */
export const page = (item: string): TJson => ({
  type: "object",
  properties: { data: { type: "array", items: ref(item) }, nextCursor: { type: ["string", "null"] } },
  required: ["data", "nextCursor"],
});
/** { data: [item] }. */
export const list = (item: TJson): TJson => ({ type: "object", properties: { data: { type: "array", items: item } }, required: ["data"] });
/** { data: item }. */
export const single = (item: TJson): TJson => ({ type: "object", properties: { data: item }, required: ["data"] });

import { z } from "zod";
import { jsonValueProblem } from "./storable-json";

// Every length limit says its number in the message, so a caller over it knows how far to cut.
export const EVENT_NAME_MAX = 100;

/** A schema's or an example's JSON text, at most (the schema is also compiled on the server: lib/json-schema). */
export const EVENT_SCHEMA_MAX_BYTES = 64 * 1024;

const jsonField = (name: string, mustBeObject: boolean) =>
  z.unknown().superRefine((value, ctx) => {
    if (value === undefined || value === null) return;
    if (mustBeObject && (typeof value !== "object" || Array.isArray(value)))
      return void ctx.addIssue({ code: "custom", message: `${name} must be a JSON Schema object, such as { "type": "object" }` });
    const problem = jsonValueProblem(value, name);
    if (problem) return void ctx.addIssue({ code: "custom", message: problem });
    const size = Buffer.byteLength(JSON.stringify(value));
    if (size > EVENT_SCHEMA_MAX_BYTES) ctx.addIssue({ code: "custom", message: `${name} is ${size} bytes; the limit is ${EVENT_SCHEMA_MAX_BYTES}` });
  });
const ZSchemaField = jsonField("schema", true).describe(
  "A JSON Schema (2020-12) the event's data should match; HOOKLINE_VALIDATE_PAYLOADS says what a publish that breaks it gets",
);
const ZExampleField = jsonField("example", false).describe(
  "An example of the event's data, valid against the schema: the events picker shows it and Send example sends it",
);
const ZDescriptionField = z
  .string()
  .trim()
  .min(1, { error: "Describe when the event happens" })
  .max(500, { error: "Description must be at most 500 characters" });
const ZGroupField = z.string().trim().min(1, { error: "Enter a group" }).max(60, { error: "Group must be at most 60 characters" });

export const ZEventTypeCreate = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Enter an event name" })
      .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` })
      .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: "Use letters, digits, dots, dashes and underscores, such as deals.created" })
      .refine((n) => n !== "ping" && n !== "*", { error: "This name is reserved" }),
    description: ZDescriptionField,
    group: ZGroupField,
    schema: ZSchemaField.optional(),
    example: ZExampleField.optional(),
  })
  .strict();
export type TEventTypeCreate = z.input<typeof ZEventTypeCreate>;

/** PATCH: what is given changes; null removes the schema or the example. */
export const ZEventTypeUpdate = z
  .object({
    description: ZDescriptionField.optional(),
    group: ZGroupField.optional(),
    schema: ZSchemaField.nullable().optional(),
    example: ZExampleField.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "Change at least one of description, group, schema, example" });
export type TEventTypeUpdate = z.input<typeof ZEventTypeUpdate>;

export const ZEventTypeName = z.object({ name: z.string().min(1).max(EVENT_NAME_MAX, { error: "Not an event type name" }) });

export const ZEventType = z.object({
  name: z.string(),
  description: z.string(),
  group: z.string(),
  isCustom: z.boolean().describe("Registered by this workspace (POST /event-types), not one of the built-in catalog"),
  hasSchema: z.boolean().describe("Whether it has a JSON Schema (GET /event-types/{name} gives it)"),
  hasExample: z.boolean().describe("Whether it has an example (GET /event-types/{name} gives it)"),
});
export type TEventType = z.infer<typeof ZEventType>;

export const ZEventTypeDetail = ZEventType.extend({
  schema: z.record(z.string(), z.unknown()).nullable().describe("Its JSON Schema (2020-12), or null"),
  example: z.unknown().nullable().describe("An example of its data, or null"),
});
export type TEventTypeDetail = z.infer<typeof ZEventTypeDetail>;

import { z } from "zod";
import { EVENT_NAME_MAX, ZProjectIdValue } from "./catalog";

// POST /api/v1/events and publishEvent(): what a host publishes.

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonValue);
  return false;
}
export const ZPublishEvent = z
  .object({
    event: z
      .string({ error: "Name the event type" })
      .trim()
      .min(1, { error: "Name the event type" })
      .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` }),
    projectId: ZProjectIdValue.nullish(),
    // Any JSON value. (z.json() would say so too, but its recursive schema does not survive into OpenAPI.)
    data: z
      .unknown()
      .default({})
      .refine(isJsonValue, { error: "data must be plain JSON (objects, arrays, strings, numbers, booleans, null)" })
      .describe("The model the host sends (any JSON); it becomes the envelope's `data`"),
    idempotencyKey: z
      .string()
      .trim()
      .min(1, { error: "idempotencyKey cannot be empty" })
      .max(200, { error: "idempotencyKey must be at most 200 characters" })
      .optional()
      .describe("A retried publish with the same key returns the first result and creates nothing"),
  })
  .strict();
export type TPublishEvent = z.input<typeof ZPublishEvent>;

export const ZPublished = z.object({
  id: z.uuid().describe("The event id"),
  deliveries: z.number().int().describe("How many deliveries the publish created (one per matching enabled webhook)"),
  isDuplicate: z.boolean().describe("true when the idempotencyKey was seen before: nothing new was created"),
});
export type TPublished = z.infer<typeof ZPublished>;

import { z } from "zod";
import { ZDelivery } from "./delivery";
import { EVENT_NAME_MAX } from "./event-type";
import { ZProjectIdValue } from "./project";
import { jsonValueProblem } from "./storable-json";

// POST /api/v1/events and publishEvent(): what a host publishes.

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
      .superRefine((value, ctx) => {
        const problem = jsonValueProblem(value, "data");
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .describe("The model the host sends (any JSON); it becomes the envelope's `data`"),
    idempotencyKey: z
      .string()
      .trim()
      .min(1, { error: "idempotencyKey cannot be empty" })
      .max(200, { error: "idempotencyKey must be at most 200 characters" })
      .optional()
      .describe("A retried publish with the same key returns the first result and creates nothing"),
    workspace: z
      .string({ error: "workspace is a workspace's id or slug" })
      .trim()
      .min(1, { error: "workspace cannot be empty" })
      .max(100, { error: "workspace is at most 100 characters" })
      .optional()
      .describe(
        "The workspace to publish into (id or slug): with an operator key, any; with a workspace's own credential, only its own (leave it out). Absent: the credential's workspace",
      ),
  })
  .strict();
export type TPublishEvent = z.input<typeof ZPublishEvent>;

/** Largest batch the schema itself allows; HOOKLINE_MAX_BATCH_EVENTS (default 500) may set it lower. */
export const BATCH_EVENTS_MAX = 10_000;

export const ZPublishBatch = z
  .object({
    events: z
      .array(ZPublishEvent, { error: "events must be an array of events" })
      .min(1, { error: "Send at least one event" })
      .max(BATCH_EVENTS_MAX, { error: `A batch holds at most ${BATCH_EVENTS_MAX} events` })
      .describe("Published in this order, all together or not at all"),
  })
  .strict();
export type TPublishBatch = z.input<typeof ZPublishBatch>;

export const ZPublished = z.object({
  id: z.uuid().describe("The event id"),
  deliveries: z.number().int().describe("How many deliveries the publish created (one per matching enabled webhook)"),
  isDuplicate: z.boolean().describe("true when the idempotencyKey was seen before: nothing new was created"),
});
export type TPublished = z.infer<typeof ZPublished>;

export const ZPublishedBatch = z.object({
  data: z.array(ZPublished).describe("One result per event, in the order sent"),
});
export type TPublishedBatch = z.infer<typeof ZPublishedBatch>;

export const ZEventId = z.object({ id: z.uuid({ error: "Not an event id (a UUID)" }) });

/** One delivery of an event, with the webhook it went to. */
export const ZEventDelivery = ZDelivery.extend({
  webhookUrl: z.string(),
  webhookDescription: z.string().describe("Empty when the webhook has none"),
});

export const ZEventDetail = z.object({
  id: z.uuid().describe("The event id: the body's id on every delivery of it"),
  event: z.string().describe("The event type"),
  projectId: z.string().nullable(),
  timestamp: z.string().describe("When it was published (the body's timestamp)"),
  body: z.string().describe("The exact body every delivery of it sends"),
  deliveries: z.array(ZEventDelivery).describe("Every delivery it made, oldest first, each with its webhook and outcome"),
});
export type TEventDetail = z.infer<typeof ZEventDetail>;

import { z } from "zod";

export const DELIVERY_STATUSES = ["pending", "in_flight", "succeeded", "failed"] as const;
export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx", "none"] as const;

export const ZDeliveryId = z.object({ id: z.uuid({ error: "Not a delivery id (a UUID)" }) });

export const ZDeliveryListQuery = z.object({
  webhookId: z.uuid({ error: "webhookId must be a webhook id" }).optional(),
  event: z.string().trim().min(1).max(100).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  statusClass: z.enum(STATUS_CLASSES).optional().describe("The last HTTP status class; none = no HTTP answer yet or at all"),
  since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }).optional(),
  until: z.iso.datetime({ offset: true, error: "until must be an ISO date-time" }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDeliveryListQuery = z.input<typeof ZDeliveryListQuery>;

export const ZReplay = z.object({ since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }) }).strict();

export const ZDelivery = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  eventId: z.uuid(),
  event: z.string(),
  projectId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZAttempt = z.object({
  number: z.number().int(),
  trigger: z.enum(["auto", "retry", "manual", "test"]),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  requestHeaders: z.record(z.string(), z.string()),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  responseBody: z.string().nullable(),
  isBodyTruncated: z.boolean(),
});
export type TAttempt = z.infer<typeof ZAttempt>;

export const ZDeliveryDetail = ZDelivery.extend({
  requestBody: z.string().describe("The exact body that was signed and sent"),
  webhookUrl: z.string(),
  attempts: z.array(ZAttempt),
});
export type TDeliveryDetail = z.infer<typeof ZDeliveryDetail>;

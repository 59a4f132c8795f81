import { z } from "zod";
import { EVENT_NAME_MAX } from "./event-type";

export const DELIVERY_STATUSES = ["pending", "in_flight", "succeeded", "failed"] as const;
export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx", "none"] as const;

export const ZDeliveryId = z.object({ id: z.uuid({ error: "Not a delivery id (a UUID)" }) });

export const ZDeliveryListQuery = z.object({
  webhookId: z.uuid({ error: "webhookId must be a webhook id" }).optional(),
  event: z
    .string()
    .trim()
    .min(1, { error: "Enter an event name" })
    .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` })
    .optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  statusClass: z.enum(STATUS_CLASSES).optional().describe("The last HTTP status class; none = no HTTP answer yet or at all"),
  since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }).optional(),
  until: z.iso.datetime({ offset: true, error: "until must be an ISO date-time" }).optional(),
  cursor: z.string().max(200, { error: "cursor must be at most 200 characters" }).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDeliveryListQuery = z.input<typeof ZDeliveryListQuery>;

export const ZReplay = z.object({ since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }) }).strict();

/** The signature debugger's question: what a receiver used, to compare with what was sent. */
export const ZSignatureCheck = z
  .object({
    secret: z.string().min(1, { error: "Paste the secret your receiver uses" }).max(256, { error: "Secret must be at most 256 characters" }),
    signature: z
      .string()
      .trim()
      .min(1, { error: "Paste the signature your receiver computed" })
      .max(2000, { error: "Signature must be at most 2000 characters" }),
    body: z
      .string()
      .max(1024 * 1024, { error: `Body must be at most ${1024 * 1024} characters` })
      .optional()
      .describe("The body your receiver signed, when it is not the raw bytes"),
  })
  .strict();
export type TSignatureCheckInput = z.input<typeof ZSignatureCheck>;

export const SIGNATURE_VERDICTS = ["match", "wrong_secret", "reserialized_body", "stale_timestamp", "no_match"] as const;
export const ZSignatureCheckResult = z.object({
  scheme: z.enum(["Signature", "webhook-signature"]).describe("Which header the pasted signature is for (a v1, prefix means webhook-signature)"),
  verdict: z.enum(SIGNATURE_VERDICTS),
  explanation: z.string(),
  signedString: z.string().describe("The exact string that is signed: the body bytes, or id.timestamp.body"),
  expectedWithYourSecret: z.string().describe("What the pasted secret gives over that string"),
  isSecretTheWebhooks: z.boolean().describe("Whether the pasted secret is one of the webhook's signing tokens"),
});
export type TSignatureCheck = z.infer<typeof ZSignatureCheckResult>;

export const STATS_RANGES = { "24h": 24, "7d": 168 } as const;
export const ZStatsQuery = z.object({ range: z.enum(["24h", "7d"]).default("24h") });
export const ZStatsBucket = z.object({
  hour: z.string().describe("Start of the hour (UTC)"),
  succeeded: z.number().int().describe("Deliveries that succeeded in this hour"),
  failed: z.number().int().describe("Deliveries that failed for good in this hour"),
  retried: z.number().int().describe("Failed attempts in this hour that will be tried again"),
  p50: z.number().nullable().describe("Median attempt duration (ms)"),
  p95: z.number().nullable().describe("95th percentile attempt duration (ms)"),
});
export type TStatsBucket = z.infer<typeof ZStatsBucket>;

export const HELD_BACK_REASONS = ["in_flight_limit", "rate_limit", "disabled"] as const;
export const ZWebhookQueue = z.object({
  queued: z.number().int().describe("Deliveries due now and waiting for a slot"),
  scheduled: z.number().int().describe("Deliveries waiting for a retry time still to come"),
  inFlight: z.number().int().describe("Requests being sent now, across all workers"),
  startedLastSecond: z.number().int().describe("Requests started in the last second (what the rate limit counts)"),
  maxInFlight: z.number().int(),
  rateLimitPerSecond: z.number().int().nullable(),
  heldBack: z
    .enum(HELD_BACK_REASONS)
    .nullable()
    .describe("Why queued deliveries wait: the in-flight limit is reached, the rate limit is reached, or the webhook is disabled (parked)"),
});
export type TWebhookQueue = z.infer<typeof ZWebhookQueue>;

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

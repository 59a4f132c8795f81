import { z } from "zod";
import { ERROR_CLASSES } from "./error-class";
import { EVENT_NAME_MAX } from "./event-type";

export const DELIVERY_STATUSES = ["pending", "in_flight", "succeeded", "failed"] as const;
export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx", "none"] as const;

export const ZDeliveryId = z.object({ id: z.uuid({ error: "Not a delivery id (a UUID)" }) });

/** The log's status filter: each status, and parked (pending for a disabled webhook). */
export const STATUS_FILTERS = [...DELIVERY_STATUSES, "parked"] as const;

export const ZDeliveryListQuery = z.object({
  webhookId: z.uuid({ error: "webhookId must be a webhook id" }).optional(),
  event: z
    .string()
    .trim()
    .min(1, { error: "Enter an event name" })
    .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` })
    .optional(),
  status: z.enum(STATUS_FILTERS).optional().describe("A status, or parked: pending while its webhook is disabled (sent once it is enabled, or by a redeliver)"),
  statusClass: z.enum(STATUS_CLASSES).optional().describe("The last HTTP status class; none = no HTTP answer yet or at all"),
  statusCode: z.coerce
    .number({ error: "statusCode must be an HTTP status (100-599)" })
    .int({ error: "statusCode must be an HTTP status (100-599)" })
    .min(100, { error: "statusCode must be an HTTP status (100-599)" })
    .max(599, { error: "statusCode must be an HTTP status (100-599)" })
    .optional()
    .describe("The last attempt's exact HTTP status"),
  errorClass: z
    .enum(ERROR_CLASSES, { error: `errorClass must be one of ${ERROR_CLASSES.join(", ")}` })
    .optional()
    .describe("Why the last attempt failed"),
  since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }).optional(),
  until: z.iso.datetime({ offset: true, error: "until must be an ISO date-time" }).optional(),
  cursor: z.string().max(200, { error: "cursor must be at most 200 characters" }).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDeliveryListQuery = z.input<typeof ZDeliveryListQuery>;

/** Redeliver several at once (the log's selection): each gets its own attempt, as one redeliver would. */
export const REDELIVER_MANY_MAX = 50;
export const ZRedeliverMany = z
  .object({
    ids: z
      .array(z.uuid({ error: "Each id must be a delivery id (a UUID)" }))
      .min(1, { error: "Select at least one delivery" })
      .max(REDELIVER_MANY_MAX, { error: `At most ${REDELIVER_MANY_MAX} deliveries at once` }),
  })
  .strict();

export const ZReplay = z.object({ since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }) }).strict();

export const SIGNATURE_SCHEMES = ["Signature", "webhook-signature", "X-Twenty-Webhook-Signature"] as const;

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
    timestamp: z
      .string()
      .trim()
      .regex(/^\d{1,16}$/, { error: "Timestamp must be the X-Twenty-Webhook-Timestamp value: milliseconds since 1970, digits only" })
      .optional()
      .describe("The X-Twenty-Webhook-Timestamp your receiver signed with (ms); given alone with a hex signature, the check is for Twenty's header"),
    scheme: z
      .enum(SIGNATURE_SCHEMES, { error: `scheme must be one of ${SIGNATURE_SCHEMES.join(", ")}` })
      .optional()
      .describe(
        "Which header the signature is for; by default read from it: v1, → webhook-signature, hex with a timestamp → X-Twenty-Webhook-Signature, hex → Signature",
      ),
  })
  .strict();
export type TSignatureCheckInput = z.input<typeof ZSignatureCheck>;

export const SIGNATURE_VERDICTS = ["match", "wrong_secret", "reserialized_body", "stale_timestamp", "no_match"] as const;
export const ZSignatureCheckResult = z.object({
  scheme: z.enum(SIGNATURE_SCHEMES).describe("Which header the pasted signature was checked as"),
  verdict: z.enum(SIGNATURE_VERDICTS),
  explanation: z.string(),
  signedString: z.string().describe("The exact string that is signed: the body bytes, id.timestamp.body, or timestamp:body (Twenty)"),
  expectedWithYourSecret: z.string().describe("What the pasted secret gives over that string"),
  isSecretTheWebhooks: z.boolean().describe("Whether the pasted secret is one of the webhook's signing tokens"),
  normalized: z.array(z.string()).describe("How the pasted values were read before checking (a sha256= prefix dropped, a whsec_ prefix added)"),
});
export type TSignatureCheck = z.infer<typeof ZSignatureCheckResult>;

/** Each range's buckets: 24 of an hour, or 28 of six hours (a week of hourly bars is too thin to read). */
export const STATS_RANGES = { "24h": { buckets: 24, bucketHours: 1 }, "7d": { buckets: 28, bucketHours: 6 } } as const;
export const ZStatsQuery = z.object({ range: z.enum(["24h", "7d"]).default("24h") });
export const ZStatsBucket = z.object({
  hour: z.string().describe("Start of the bucket (UTC): an hour for 24h, six hours for 7d"),
  succeeded: z.number().int().describe("Deliveries that succeeded in this bucket"),
  failed: z.number().int().describe("Deliveries that failed for good in this bucket"),
  retried: z.number().int().describe("Failed attempts in this bucket that will be tried again"),
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
  heldBackInOrder: z
    .number()
    .int()
    .describe("Deliver in order: pending deliveries waiting for an earlier one of their ordering key to succeed or fail for good"),
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
  isParked: z.boolean().describe("Pending while its webhook is disabled: sent once the webhook is enabled, or now by a redeliver"),
  maxAttempts: z.number().int().min(1).describe("Automatic attempts it gets before it fails for good: the first, and one per step of HOOKLINE_RETRY_SCHEDULE"),
  lastStatusCode: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable().describe("How long the last attempt took (ms); null before the first"),
  lastErrorClass: z
    .string()
    .nullable()
    .describe("Why the last attempt failed: timeout, connect, dns, ssrf_blocked, tls, http_status, redirect, body_too_large"),
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
  isLate: z
    .boolean()
    .describe(
      "Recorded after another worker had taken the delivery over (this worker was cut off from the database): the receiver got this request and a later one with the same Delivery id. It changed neither the delivery's status nor the webhook's health",
    ),
});
export type TAttempt = z.infer<typeof ZAttempt>;

export const ZDeliveryDetail = ZDelivery.extend({
  requestBody: z.string().describe("The exact body that was signed and sent"),
  webhookUrl: z.string(),
  attempts: z.array(ZAttempt),
  waitingFor: z
    .uuid()
    .nullable()
    .describe(
      "Deliver in order: the earlier delivery of the same ordering key it waits for (until that one succeeds or fails for good); null when it waits for none",
    ),
  schemaErrors: z
    .array(z.string())
    .nullable()
    .describe(
      "Where the event's data broke its type's JSON Schema when it was published (HOOKLINE_VALIDATE_PAYLOADS=warn); null when it conformed or was not checked",
    ),
});
export type TDeliveryDetail = z.infer<typeof ZDeliveryDetail>;

export const REDELIVER_OUTCOMES = ["sent", "in_flight", "not_found"] as const;
export const ZRedeliverManyResult = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      outcome: z
        .enum(REDELIVER_OUTCOMES)
        .describe("sent: attempted now (see delivery); in_flight: a worker is sending it right now; not_found: no such delivery here"),
      delivery: ZDelivery.nullable(),
    }),
  ),
});
export type TRedeliverManyResult = z.infer<typeof ZRedeliverManyResult>;

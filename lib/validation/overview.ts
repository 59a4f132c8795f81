import { z } from "zod";
import { describeOutcome } from "./error-class";
import { WEBHOOK_STATUSES } from "./webhook";

// Settings → Overview and GET /api/v1/overview: a workspace's last 24 hours, its queue, the webhooks
// that need someone, and the delivery processes (browser-safe: the page formats from these types).

export const ZOverviewWebhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  status: z.enum(WEBHOOK_STATUSES),
  reason: z
    .string()
    .nullable()
    .describe("Why it needs attention, in words: why it was disabled, or its failures in a row and the last error; null when working"),
  consecutiveFailures: z.number().int(),
  lastFailureAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
});
export type TOverviewWebhook = z.infer<typeof ZOverviewWebhook>;

export const WORKER_KINDS = ["app", "worker"] as const;
export const ZOverviewWorker = z.object({
  owner: z.string().describe("The process's lease owner name (host:pid:id)"),
  kind: z.enum(WORKER_KINDS).describe("app: the app process's own worker (HOOKLINE_WORKER=embedded); worker: npm run worker"),
  hostname: z.string(),
  pid: z.number().int(),
  version: z.string(),
  inFlight: z.number().int().describe("Requests it had open at its last heartbeat"),
  startedAt: z.string(),
  seenAt: z.string().describe("Its last heartbeat (every 10 s while it runs)"),
  isAlive: z.boolean().describe("Heard from within the last 30 s"),
});
export type TOverviewWorker = z.infer<typeof ZOverviewWorker>;

export const ZOverview = z.object({
  since: z.string().describe("Start of the window: the top of the hour 23 hours before the current one"),
  now: z.string(),
  eventsPublished: z.number().int(),
  deliveries: z.object({
    succeeded: z.number().int().describe("Deliveries that succeeded in the window (by when they finished)"),
    failed: z.number().int().describe("Deliveries that failed for good in the window: every automatic attempt used"),
    successRate: z.number().nullable().describe("succeeded / (succeeded + failed), 0–1; null when none finished"),
  }),
  firstAttemptMs: z
    .object({ p50: z.number().int().nullable(), p95: z.number().int().nullable(), count: z.number().int() })
    .describe("From publish to the first attempt's answer (queueing and the receiver), estimated from a histogram; null when none"),
  queue: z.object({
    due: z.number().int().describe("Pending, due now, webhook enabled"),
    scheduled: z.number().int().describe("Pending retries whose time is still to come"),
    parked: z.number().int().describe("Pending while their webhook is disabled"),
    inFlight: z.number().int().describe("Being sent now"),
    oldestDueAgeSeconds: z.number().nullable().describe("How long the oldest due delivery has waited since it became due; null when none is due"),
  }),
  webhooks: z.object({
    counts: z.object({ working: z.number().int(), failing: z.number().int(), disabled: z.number().int() }),
    top: z.array(ZOverviewWebhook).describe("Up to 10: disabled by Hookline, then failing, then disabled by an admin, then working"),
  }),
  workers: z.array(ZOverviewWorker).describe("Delivery processes heard from in the last day, live ones first"),
});
export type TOverview = z.infer<typeof ZOverview>;

/** The webhooks the overview lists. */
export const OVERVIEW_WEBHOOKS = 10;

/**
 * Why a webhook needs attention, in words: "Disabled after 15 failed attempts in a row · last: Timed
 * out", "3 failed attempts in a row · last: Error status · HTTP 503", "Disabled by an admin".
 */
export function describeWebhookProblem(w: {
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  lastFailureStatusCode: number | null;
  lastFailureErrorClass: string | null;
}): string | null {
  const last =
    w.lastFailureErrorClass || w.lastFailureStatusCode
      ? ` · last: ${describeOutcome({ statusCode: w.lastFailureStatusCode, errorClass: w.lastFailureErrorClass })}`
      : "";
  if (!w.enabled) return w.disabledReason ? `${w.disabledReason}${last}` : "Disabled by an admin";
  if (w.consecutiveFailures === 0) return null;
  return `${w.consecutiveFailures} failed attempt${w.consecutiveFailures === 1 ? "" : "s"} in a row${last}`;
}

import { z } from "zod";
import { authorizationClash, ZCustomHeaderOut, ZCustomHeaders } from "./custom-headers";
import { EVENT_NAME_MAX } from "./event-type";
import { ZEnvelopePath, ZPayloadFilter } from "./payload-filter";
import { PROJECT_ID_MAX } from "./project";
import { SIGNATURE_FAMILIES, ZSignatureFamilies } from "./signature-family";

// One schema per resource, shared by the settings form (client-side errors) and the route handlers.
// Whether event names and projects exist is checked on the server against the database.

export const ALL_EVENTS = "*";
export const WEBHOOK_STATUSES = ["disabled", "working", "failing"] as const;
export type TWebhookStatus = (typeof WEBHOOK_STATUSES)[number];

const URL_MAX = 2048;

// Spaces and control characters (C0 incl. tab and line breaks, DEL, C1) are refused, not repaired:
// the URL parser silently drops a tab or newline inside ("/a\nb" becomes "/ab") and encodes a
// space, so the receiver would be sent a path nobody typed. The ends are still trimmed (.trim()):
// a space or newline pasted around the URL is not part of it, and nothing of it is stored.
const UNSAFE_CHARACTER = /[\s\p{Cc}]/u;

/**
 * A webhook URL, returned in the WHATWG parser's own serialization (`new URL(input).href`): what
 * is stored, shown and contacted is one string, so a full-width "ｌｏｃａｌｈｏｓｔ" is stored as
 * "localhost" and "bücher.example" as "xn--bcher-kva.example" (the SSRF check sees that host too).
 * Normalizing again gives the same string, so parsing twice (handler, then server) is harmless.
 */
export const ZWebhookUrl = z
  .string({ error: "Enter a URL" })
  .trim()
  .min(1, { error: "Enter a URL" })
  .max(URL_MAX, { error: `URL must be at most ${URL_MAX} characters` })
  .transform((value, ctx) => {
    const refuse = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (UNSAFE_CHARACTER.test(value)) return refuse("URL cannot contain spaces, tabs, line breaks or control characters (write a space as %20)");
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return refuse("Enter a full URL, such as https://example.com/hooks");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return refuse("URL must start with http:// or https://");
    if (url.username || url.password) return refuse("Put credentials in HTTP user and password, not in the URL");
    if (!url.hostname) return refuse("URL must name a host");
    // Percent-encoding and punycode can lengthen it; the limit holds for what is stored.
    if (url.href.length > URL_MAX) return refuse(`URL must be at most ${URL_MAX} characters once encoded`);
    return url.href;
  });

const ZEventName = z
  .string()
  .trim()
  .min(1, { error: "Enter an event name" })
  .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` });
const ZProjectRef = z
  .string()
  .trim()
  .min(1, { error: "Enter a project id" })
  .max(PROJECT_ID_MAX, { error: `Project id must be at most ${PROJECT_ID_MAX} characters` });

export const ZEvents = z
  .array(ZEventName, { error: "Pick at least one event" })
  .min(1, { error: "Pick at least one event, or all events" })
  .max(500, { error: "At most 500 events" })
  // "*" anywhere means all events; duplicates collapse.
  .transform((names) => (names.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(names)]));

export const ZProjectIds = z
  .array(ZProjectRef)
  .max(500, { error: "At most 500 projects" })
  .transform((ids) => [...new Set(ids)]);

export const ZToken = z
  .string()
  .min(16, { error: "Token must be at least 16 characters" })
  .max(256, { error: "Token must be at most 256 characters" })
  .regex(/^[\x21-\x7e]+$/, { error: "Token may only contain printable characters without spaces" });

const ZHttpUser = z
  .string()
  .max(200, { error: "HTTP user must be at most 200 characters" })
  .regex(/^[^:\r\n]*$/, { error: "HTTP user cannot contain a colon" });
const ZHttpPassword = z.string().max(200, { error: "HTTP password must be at most 200 characters" });
const ZDescription = z.string().trim().max(500, { error: "Description must be at most 500 characters" });

export const MAX_IN_FLIGHT_DEFAULT = 16;
export const MAX_IN_FLIGHT_MAX = 1_000;
export const RATE_LIMIT_MAX = 10_000;
/** Most requests to this webhook in flight at once, across all workers (a slow receiver holds no more). */
export const ZMaxInFlight = z
  .number({ error: "Enter a whole number of requests" })
  .int({ error: "Enter a whole number of requests" })
  .min(1, { error: "Allow at least 1 request in flight" })
  .max(MAX_IN_FLIGHT_MAX, { error: `At most ${MAX_IN_FLIGHT_MAX} requests in flight` });
/** Most requests started in any one second, across all workers; null = no limit. */
export const ZRateLimit = z
  .number({ error: "Enter a whole number of requests per second" })
  .int({ error: "Enter a whole number of requests per second" })
  .min(1, { error: "Allow at least 1 request per second, or no limit" })
  .max(RATE_LIMIT_MAX, { error: `At most ${RATE_LIMIT_MAX} requests per second` })
  .nullable();

const ZAutoRecover = z
  .boolean({ error: "autoRecover must be true or false" })
  .describe(
    "Try to recover automatically: after Hookline disables it, probe it with a signed ping (1 min, 5 min, 30 min, 2 h, then every 6 h for 3 days) and enable it again when one passes",
  );

const ZOrdered = z
  .boolean({ error: "ordered must be true or false" })
  .describe("Deliver in order: a delivery waits until every earlier one (of the same ordering key) has succeeded or failed for good");
const ORDERING_KEY_HELP =
  "With ordered: a dotted path into the envelope (data.id) whose value keeps one record's events in order while different records go in parallel; null: the whole webhook is one sequence";

export const AUTHORIZATION_CLASH = "Authorization is set by Hookline from the HTTP user and password: remove the header or the basic auth";

export const ZWebhookCreate = z
  .object({
    url: ZWebhookUrl,
    description: ZDescription.default(""),
    events: ZEvents,
    projects: ZProjectIds.default([]),
    token: ZToken.optional(),
    httpUser: ZHttpUser.optional(),
    httpPassword: ZHttpPassword.optional(),
    maxInFlight: ZMaxInFlight.default(MAX_IN_FLIGHT_DEFAULT),
    rateLimitPerSecond: ZRateLimit.default(null),
    signatureFamilies: ZSignatureFamilies.default([...SIGNATURE_FAMILIES]),
    autoRecover: ZAutoRecover.default(false),
    headers: ZCustomHeaders.default([]),
    filter: ZPayloadFilter.nullable().default(null),
    ordered: ZOrdered.default(false),
    orderingKey: ZEnvelopePath.nullable().default(null).describe(ORDERING_KEY_HELP),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.httpPassword && !w.httpUser) ctx.addIssue({ code: "custom", path: ["httpUser"], message: "Enter the HTTP user that goes with the password" });
    const clash = authorizationClash(w.headers, Boolean(w.httpUser));
    if (clash >= 0) ctx.addIssue({ code: "custom", path: ["headers", clash, "name"], message: AUTHORIZATION_CLASH });
  });
export type TWebhookCreate = z.input<typeof ZWebhookCreate>;

/** PATCH: every field optional; null clears httpUser (and with it the password) or httpPassword. */
export const ZWebhookUpdate = z
  .object({
    url: ZWebhookUrl.optional(),
    description: ZDescription.optional(),
    events: ZEvents.optional(),
    projects: ZProjectIds.optional(),
    httpUser: ZHttpUser.nullable().optional(),
    httpPassword: ZHttpPassword.nullable().optional(),
    maxInFlight: ZMaxInFlight.optional(),
    rateLimitPerSecond: ZRateLimit.optional(),
    signatureFamilies: ZSignatureFamilies.optional(),
    autoRecover: ZAutoRecover.optional(),
    headers: ZCustomHeaders.optional(),
    filter: ZPayloadFilter.nullable().optional(),
    ordered: ZOrdered.optional(),
    orderingKey: ZEnvelopePath.nullable().optional().describe(ORDERING_KEY_HELP),
    // Saving a new URL that fails its test, disabled (enabling goes through POST …/enable, which tests).
    enabled: z.literal(false, { error: "enabled can only be set to false here; enable with POST /webhooks/{id}/enable" }).optional(),
  })
  .strict()
  // Clearing the user clears the password too, so a new password beside a cleared user is a mistake.
  // (A password alone, with httpUser absent, is checked on the server against the stored user.)
  .superRefine((w, ctx) => {
    if (w.httpPassword && (w.httpUser === null || w.httpUser === ""))
      ctx.addIssue({ code: "custom", path: ["httpUser"], message: "Enter the HTTP user that goes with the password" });
  });
export type TWebhookUpdate = z.input<typeof ZWebhookUpdate>;

export const ZWebhookTestUrl = z
  .object({
    url: ZWebhookUrl,
    token: ZToken.optional(),
    httpUser: ZHttpUser.optional(),
    httpPassword: ZHttpPassword.optional(),
    // The form's unsaved choice, so Test sends what Save would keep.
    signatureFamilies: ZSignatureFamilies.optional(),
  })
  .strict();

/**
 * POST /webhooks/{id}/test: a ping, optionally to the form's unsaved URL and credentials; or, with
 * `event`, that type's example (Send example), which goes to the saved webhook only.
 */
export const ZWebhookTest = ZWebhookTestUrl.partial()
  .extend({
    event: ZEventName.optional().describe("Send this event type's example instead of a ping (to the saved URL, recorded in the delivery log as a test)"),
  })
  .strict()
  .superRefine((t, ctx) => {
    const edited = (["url", "token", "httpUser", "httpPassword", "signatureFamilies"] as const).filter((k) => t[k] !== undefined);
    if (t.event && edited.length)
      ctx.addIssue({ code: "custom", path: ["event"], message: `An example goes to the saved webhook: send it without ${edited.join(", ")}` });
  });
export type TWebhookTest = z.input<typeof ZWebhookTest>;

/** How long the replaced token keeps signing beside the new one ("now": not at all). */
export const ROTATION_OVERLAPS = { now: 0, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export type TRotationOverlap = keyof typeof ROTATION_OVERLAPS;
export const ZRotateToken = z
  .object({
    token: ZToken.optional(),
    overlap: z
      .enum(Object.keys(ROTATION_OVERLAPS) as [TRotationOverlap, ...TRotationOverlap[]], { error: "overlap must be one of now, 1h, 24h, 7d" })
      .default("24h")
      .describe("How long the old token also signs: now (not at all), 1h, 24h or 7d"),
  })
  .strict();

export const ZWebhookListQuery = z.object({
  enabled: z.enum(["true", "false"]).optional(),
  status: z.enum(WEBHOOK_STATUSES).optional(),
  cursor: z.uuid({ error: "cursor must be a webhook id" }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZWebhookId = z.object({ id: z.uuid({ error: "Not a webhook id" }) });

export const ZRecentStats = z.object({
  attempts: z.number().int().describe("Attempts in the last 24 hours"),
  successRate: z.number().describe("Share of them that succeeded, 0 to 1"),
  p95Ms: z.number().int().nullable().describe("Their 95th percentile time (ms)"),
});
export type TRecentStats = z.infer<typeof ZRecentStats>;

export const ZWebhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()).describe('Event names, or ["*"] for all events'),
  projects: z.array(z.string()).describe("Project ids; empty means all projects"),
  httpUser: z.string().nullable(),
  hasHttpPassword: z.boolean(),
  enabled: z.boolean(),
  status: z.enum(WEBHOOK_STATUSES),
  consecutiveFailures: z.number().int(),
  failureLimit: z.number().int(),
  disabledReason: z.string().nullable(),
  enableError: z
    .object({ message: z.string(), at: z.string() })
    .nullable()
    .describe("Why the last attempt to enable it failed; cleared when it is enabled or its URL changes"),
  previousTokenExpiresAt: z.string().nullable().describe("Until when the token before the last rotation also signs; null when it no longer does"),
  maxInFlight: z.number().int().describe("Most requests in flight at once, across all workers"),
  rateLimitPerSecond: z.number().int().nullable().describe("Most requests started in any one second, across all workers; null = no limit"),
  signatureFamilies: z
    .array(z.enum(SIGNATURE_FAMILIES))
    .describe("Which signature headers each request carries: teamwork (Signature), standard-webhooks (webhook-*), twenty (X-Twenty-Webhook-*)"),
  lastDeliveryAt: z.string().nullable(),
  autoRecover: z.boolean().describe("Whether Hookline tries to recover it by itself after disabling it"),
  headers: z.array(ZCustomHeaderOut).describe("Its own headers, sent on every request; a secret's value is never shown (null)"),
  filter: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("Its payload filter: only events whose envelope matches create deliveries for it; null: every event"),
  ordered: z.boolean().describe("Deliver in order (see orderingKey)"),
  orderingKey: z.string().nullable().describe(ORDERING_KEY_HELP),
  recovery: z
    .object({
      nextProbeAt: z.string().nullable().describe("The next recovery probe; null when none is planned"),
      probes: z.number().int().describe("Probes since Hookline disabled it"),
      lastProbeAt: z.string().nullable(),
      lastProbeResult: z.string().nullable().describe('"passed", or why the last probe failed'),
    })
    .describe("Automatic recovery's progress"),
  last24h: ZRecentStats.nullable().optional().describe("Attempts of the last 24 hours (in lists and GET /webhooks/{id}); null when there were none"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

export const ZWebhookCreated = ZWebhook.extend({ token: z.string().describe("Shown once; reveal later with GET /webhooks/{id}/token") });

export const ZTestResult = z.object({
  ok: z.boolean(),
  status: z.number().int().optional(),
  durationMs: z.number().int(),
  errorClass: z.string().optional(),
  errorMessage: z.string().optional(),
  responseSnippet: z.string().optional(),
  event: z.string().optional().describe("Send example: the event type whose example was sent"),
  deliveryId: z.uuid().optional().describe("Send example: the test delivery in the log (its Delivery header)"),
});
export type TTestResult = z.infer<typeof ZTestResult>;

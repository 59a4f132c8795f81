import { z } from "zod";

// Worksection's admin API, as its clients call it (/api/admin/v2/?action=...): flat string
// parameters, comma-separated lists, answers { status: "ok" | "error", ... }. Hookline's own
// schemas (lib/validation/webhook.ts) still decide what a valid webhook is; this is only the shape.

export const WORKSECTION_ACTIONS = ["add_webhook", "get_webhooks", "delete_webhook"] as const;
export type TWorksectionAction = (typeof WORKSECTION_ACTIONS)[number];

/** The parameters of one call, by name (each given once). */
export type TWorksectionParams = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Hookline's states in Worksection's words: "active" for an enabled webhook (failing or not: it
 * still sends), "disabled" for one switched off, by an admin or by the failure limit, which is the
 * word Worksection's own screen uses for its gray state.
 */
export const WORKSECTION_STATUS = { enabled: "active", disabled: "disabled" } as const;

/** A comma-separated list ("post_task, close_task,,"): its items, trimmed, empty ones dropped. */
export function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** One webhook in get_webhooks' answer: lists joined with commas; `projects` left out when it is all of them. */
export const ZWorksectionWebhook = z.object({
  id: z.string().describe("Hookline's UUID (Worksection's ids are numbers)"),
  url: z.string(),
  events: z.string().describe('Comma-separated event names; "*" for all events'),
  status: z.enum([WORKSECTION_STATUS.enabled, WORKSECTION_STATUS.disabled]),
  projects: z.string().optional(),
});
export type TWorksectionWebhook = z.infer<typeof ZWorksectionWebhook>;

export type TWorksectionOk = { status: "ok" } & Record<string, unknown>;
export type TWorksectionErrorBody = { status: "error"; status_code: number; message: string; message_details?: string };
/** What an action answers: the HTTP status and Worksection's body. */
export type TWorksectionResult = { status: number; body: TWorksectionOk | TWorksectionErrorBody };

// Worksection's error answers: { status: "error", status_code, message, message_details? }. Codes
// 2 and 11 and their messages are Worksection's own (its docs and the add_webhook example); the
// others are ours, numbered in the gaps, with an HTTP status that says the same (Worksection
// clients read the body; HTTP-aware ones get the usual meaning). README: "Worksection compatibility".
export const WORKSECTION_ERRORS = {
  invalid_action: { code: 1, http: 400, message: "Action is invalid" },
  bad_hash: { code: 2, http: 401, message: "Action hash is missed or invalid" },
  invalid_request: { code: 3, http: 400, message: "Request is invalid" },
  required: { code: 4, http: 400, message: "Field is required" },
  invalid_field: { code: 5, http: 400, message: "Field is invalid" },
  unknown_events: { code: 6, http: 400, message: "Events are unknown" },
  unknown_projects: { code: 7, http: 400, message: "Projects are unknown" },
  not_found: { code: 8, http: 404, message: "Webhook not found" },
  bad_token: { code: 9, http: 401, message: "Access token is missing, invalid or expired" },
  insufficient_scope: { code: 10, http: 403, message: "The access token lacks the scope this action needs" },
  url_check_failed: { code: 11, http: 422, message: "Url should respond 200 HTTP_CODE and JSON {status:OK}" },
  too_many_attempts: { code: 12, http: 429, message: "Too many failed attempts, retry later" },
  unavailable: { code: 20, http: 503, message: "Service is unavailable, retry shortly" },
  internal: { code: 21, http: 500, message: "Something went wrong on the server" },
} as const;
export type TWorksectionErrorKind = keyof typeof WORKSECTION_ERRORS;

// Details echo what the client sent (a URL, event names); a bounded echo of a bounded request.
const DETAILS_MAX = 1000;

/** Worksection's error body for a kind, with optional details (cut to a bounded length). */
export function worksectionErrorBody(kind: TWorksectionErrorKind, details?: string): TWorksectionErrorBody {
  const { code, message } = WORKSECTION_ERRORS[kind];
  return { status: "error", status_code: code, message, ...(details === undefined ? {} : { message_details: details.slice(0, DETAILS_MAX) }) };
}

import "server-only";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../../db/is-database-unavailable";
import { logUnexpected, redactSecrets } from "../../errors/log-unexpected";
import type { TWorksectionResult } from "../../validation/worksection";

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
  unavailable: { code: 20, http: 503, message: "Service is unavailable, retry shortly" },
  internal: { code: 21, http: 500, message: "Something went wrong on the server" },
} as const;
export type TWorksectionErrorKind = keyof typeof WORKSECTION_ERRORS;

// Details echo what the client sent (a URL, event names); a bounded echo of a bounded request.
const DETAILS_MAX = 1000;

export class WorksectionError extends Error {
  constructor(
    readonly kind: TWorksectionErrorKind,
    readonly details?: string,
    /** A status other than the kind's own (413 and 415 are "request is invalid" too). */
    readonly httpStatus: number = WORKSECTION_ERRORS[kind].http,
  ) {
    super(WORKSECTION_ERRORS[kind].message);
    this.name = "WorksectionError";
  }

  toResult(): TWorksectionResult {
    const { code, message } = WORKSECTION_ERRORS[this.kind];
    const details = this.details === undefined ? {} : { message_details: this.details.slice(0, DETAILS_MAX) };
    return { status: this.httpStatus, body: { status: "error", status_code: code, message, ...details } };
  }
}

/** Any error as Worksection's answer: never a stack, never a database's text. */
export function toWorksectionResult(error: unknown): TWorksectionResult {
  if (error instanceof WorksectionError) return error.toResult();
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return new WorksectionError("invalid_field", issue ? `${issue.path.join(".")}: ${issue.message}` : undefined).toResult();
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[hookline] database unavailable: ${redactSecrets((error as Error).message)}`);
    return new WorksectionError("unavailable").toResult();
  }
  logUnexpected("unhandled error in a Worksection action", error);
  return new WorksectionError("internal").toResult();
}

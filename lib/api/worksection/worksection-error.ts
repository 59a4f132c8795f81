import "server-only";
import { ZodError } from "zod";
import { DomainError, type TIssue } from "../../errors/domain-error";
import { type TWorksectionErrorKind, type TWorksectionResult, WORKSECTION_ERRORS, worksectionErrorBody } from "../../validation/worksection";
import { fromDomainError } from "../api-error";
import { toApiError } from "../to-api-error";

// Worksection's answers to what went wrong. The kinds, their codes and the body's shape live in
// lib/validation/worksection.ts, where the front door (lib/http, below this layer) can answer in the
// same shape; what the domain refuses (lib/server/worksection) arrives as plain DomainErrors and is
// put in Worksection's words here, as /api/v1 puts them in its own (lib/api/to-api-error.ts).

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
    return { status: this.httpStatus, body: worksectionErrorBody(this.kind, this.details) };
  }
}

const joined = (issues: TIssue[]) => (issues.length ? issues.map((i) => i.message).join(",") : undefined);

/**
 * The domain's refusals by code, each with its Worksection kind and details: the field's name for a
 * missing one, `field: reason` for an invalid one, and otherwise the values at fault, which the
 * domain sends one per issue (an unknown event name, an id, a URL that failed its check).
 */
const BY_CODE: Record<string, { kind: TWorksectionErrorKind; details: (issues: TIssue[]) => string | undefined }> = {
  required: { kind: "required", details: (issues) => issues[0]?.path },
  validation_failed: { kind: "invalid_field", details: (issues) => issues[0] && `${issues[0].path}: ${issues[0].message}` },
  invalid_action: { kind: "invalid_action", details: joined },
  unknown_events: { kind: "unknown_events", details: joined },
  unknown_projects: { kind: "unknown_projects", details: joined },
  not_found: { kind: "not_found", details: joined },
  test_failed: { kind: "url_check_failed", details: joined },
};

function fromDomain(error: DomainError): WorksectionError {
  const known = BY_CODE[error.code];
  if (known) return new WorksectionError(known.kind, known.details(error.issues ?? []));
  // No word of Worksection's for it: "Request is invalid", with the status /api/v1 gives it.
  return new WorksectionError("invalid_request", error.message, fromDomainError(error).status);
}

/** Any error as Worksection's answer: never a stack, never a database's text. */
export function toWorksectionResult(error: unknown): TWorksectionResult {
  if (error instanceof WorksectionError) return error.toResult();
  if (error instanceof DomainError) return fromDomain(error).toResult();
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return new WorksectionError("invalid_field", issue ? `${issue.path.join(".")}: ${issue.message}` : undefined).toResult();
  }
  const apiError = toApiError(error, "unhandled error in a Worksection action");
  if (apiError.status === 503) return new WorksectionError("unavailable").toResult();
  if (apiError.status >= 500) return new WorksectionError("internal").toResult();
  return new WorksectionError("invalid_request", apiError.message, apiError.status).toResult();
}

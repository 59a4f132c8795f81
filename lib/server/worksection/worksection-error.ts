import "server-only";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../../db/is-database-unavailable";
import { logUnexpected, redactSecrets } from "../../errors/log-unexpected";
import { type TWorksectionErrorKind, type TWorksectionResult, WORKSECTION_ERRORS, worksectionErrorBody } from "../../validation/worksection";

// The kinds, their codes and the body's shape live in lib/validation/worksection.ts, where the front
// door (lib/http, below this layer) can answer in the same shape.
export { type TWorksectionErrorKind, WORKSECTION_ERRORS } from "../../validation/worksection";

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

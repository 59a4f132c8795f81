// The one error shape of the admin API: { error: { code, message, issues? } }. Browser-safe, so the
// client parses the same type it is sent.
import type { DomainError, TDomainErrorKind, TIssue } from "../errors/domain-error";

export type { TIssue };
export type TErrorBody = { error: { code: string; message: string; issues?: TIssue[] } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: TIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  static notFound(what: string) {
    return new ApiError(404, "not_found", `${what} not found`);
  }

  static invalid(path: string, message: string) {
    return new ApiError(400, "validation_failed", message, [{ path, message }]);
  }

  toBody(): TErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** The HTTP status of each kind of domain error. */
const STATUS_OF: Record<TDomainErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, too_large: 413, rejected: 422 };

/** A domain error as the API answers it (same code, message and issues). */
export function fromDomainError(error: DomainError): ApiError {
  return new ApiError(STATUS_OF[error.kind], error.code, error.message, error.issues);
}

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
    /** Sent with the response: the WWW-Authenticate challenge of a 401 or an insufficient_scope 403. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /**
   * 401 with RFC 6750's challenge: `invalid_token` when a bearer credential was sent but is not live,
   * none when there was nothing to check (a client then knows to send one, not to refresh one).
   */
  static unauthorized(message: string, isTokenInvalid = false) {
    return new ApiError(401, "unauthorized", message, undefined, { "www-authenticate": bearerChallenge(isTokenInvalid ? { error: "invalid_token" } : {}) });
  }

  /** 403 naming the scopes that would do (RFC 6750 §3.1: `insufficient_scope` with `scope`). */
  static insufficientScope(message: string, scopes: readonly string[]) {
    return new ApiError(403, "insufficient_scope", message, undefined, {
      "www-authenticate": bearerChallenge({ error: "insufficient_scope", scope: scopes.join(" ") }),
    });
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

/** `Bearer realm="hookline"` plus RFC 6750 attributes; values are our own words and scope names (no quotes to escape). */
export function bearerChallenge(attributes: { error?: string; scope?: string }): string {
  const parts = [`realm="hookline"`, ...Object.entries(attributes).map(([name, value]) => `${name}="${value}"`)];
  return `Bearer ${parts.join(", ")}`;
}

/** The HTTP status of each kind of domain error. */
const STATUS_OF: Record<TDomainErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rejected: 422 };

/** A domain error as the API answers it (same code, message and issues). */
export function fromDomainError(error: DomainError): ApiError {
  return new ApiError(STATUS_OF[error.kind], error.code, error.message, error.issues);
}

// What the domain refuses, said without HTTP: lib/server and lib/delivery throw these, and the API
// layer maps each kind to a status (lib/api/api-error.ts). Browser-safe and dependency-free, so every
// layer may import it.

export type TIssue = { path: string; message: string };

/** invalid: the input breaks a rule; conflict: it clashes with what exists or runs now; too_large:
 * over a size limit; rejected: valid, but refused by a check it asked for (an enable whose test failed);
 * forbidden: the caller may not do this (a workspace's key naming another workspace). */
export type TDomainErrorKind = "invalid" | "not_found" | "conflict" | "too_large" | "rejected" | "forbidden";

export class DomainError extends Error {
  constructor(
    readonly kind: TDomainErrorKind,
    /** Machine-readable, stable: the API's `error.code`. */
    readonly code: string,
    message: string,
    readonly issues?: TIssue[],
  ) {
    super(message);
    this.name = "DomainError";
  }

  static notFound(what: string) {
    return new DomainError("not_found", "not_found", `${what} not found`);
  }

  /** One field's rule broken; `path` names the field as the API's issues do (`events.3.event`). */
  static invalid(path: string, message: string) {
    return new DomainError("invalid", "validation_failed", message, [{ path, message }]);
  }

  /** Several fields' rules broken at once. */
  static invalidAll(issues: TIssue[]) {
    return new DomainError("invalid", "validation_failed", issues.map((i) => i.message).join("; "), issues);
  }
}

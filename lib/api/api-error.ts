// The one error shape of the admin API: { error: { code, message, issues? } }. Browser-safe, so the
// client parses the same type it is sent.

export type TIssue = { path: string; message: string };
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

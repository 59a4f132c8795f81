import "server-only";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { DomainError } from "../errors/domain-error";
import { logUnexpected, redactSecrets } from "../errors/log-unexpected";
import { Prisma } from "../generated/prisma/client";
import { ApiError, fromDomainError } from "./api-error";

// The one decision of what an error means over HTTP. /api/v1 answers it in its own shape
// (toErrorResponse), the OAuth endpoints in RFC 6749's, Worksection's endpoints in Worksection's:
// each renders the same status, message and headers, so a database restart is a 503 with
// Retry-After everywhere, and a bug a bare 500 with nothing of its text.

/** How long a client is told to wait when the database is unreachable (a restart takes seconds). */
export const RETRY_AFTER_S = 5;

const UNAVAILABLE_MESSAGE = "The database is unavailable right now; retry shortly (a publish retried with the same idempotencyKey is never applied twice).";

/** Any error as the ApiError it is answered with; an unexpected one is logged under `where`. */
export function toApiError(error: unknown, where = "unhandled API error"): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return new ApiError(400, "validation_failed", issues[0]?.message ?? "Invalid request", issues);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new ApiError(409, "conflict", "It already exists");
    if (error.code === "P2025") return ApiError.notFound("It was");
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[hookline] database unavailable: ${redactSecrets((error as Error).message)}`);
    return new ApiError(503, "unavailable", UNAVAILABLE_MESSAGE, undefined, { "retry-after": String(RETRY_AFTER_S) });
  }
  logUnexpected(where, error);
  return new ApiError(500, "internal", "Something went wrong on the server");
}

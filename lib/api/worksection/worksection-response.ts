import "server-only";
import type { TWorksectionResult } from "../../validation/worksection";
import { RETRY_AFTER_S } from "../to-api-error";
import { WorksectionError } from "./worksection-error";

/** A Worksection-shaped answer as an HTTP response; a 503 says when to retry, as the /api/v1 one does. */
export function worksectionResponse(result: TWorksectionResult, headers: Record<string, string> = {}): Response {
  const retry: Record<string, string> = result.status === 503 ? { "retry-after": String(RETRY_AFTER_S) } : {};
  return Response.json(result.body, { status: result.status, headers: { ...headers, ...retry } });
}

/** 429 for a caller whose failed hashes or tokens are locked for now, saying when to try again. */
export function tooManyAttempts(retryAfterS: number, headers: Record<string, string> = {}): Response {
  const result = new WorksectionError("too_many_attempts", `Retry in ${retryAfterS} s`).toResult();
  return worksectionResponse(result, { ...headers, "retry-after": String(retryAfterS) });
}

import type { ZodType } from "zod";
import type { TScope } from "../validation/scopes";
import type { TJson } from "./openapi-schema";

/** Where every operation's path starts. */
export const API_BASE = "/api/v1";

export type THttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** A response of an operation: its status, what it means, and its body's JSON Schema (none for 204). */
export type TResponse = { status: number; description: string; schema?: TJson /** application/json unless said. */; contentType?: string };

/**
 * One API operation, declared once: the route handler (withAdmin) parses with its schemas, and the
 * OpenAPI document (lib/api/openapi.ts) is built from the same declarations.
 */
export type TOperation<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType> = {
  method: THttpMethod;
  /** Under /api/v1, with {name} for path parameters: "/webhooks/{id}/test". */
  path: string;
  tag: string;
  summary: string;
  params?: P;
  /** What each path parameter is, for the document. */
  paramDescriptions?: Record<string, string>;
  query?: Q;
  body?: B;
  /** The body's schema under #/components/schemas (by default it is inlined). */
  bodyName?: string;
  /** A body that may be left out entirely. */
  isBodyOptional?: boolean;
  responses: TResponse[];
  /** Error statuses it can answer with (the Error shape); defineOperation adds the wrapper's own (wrapperErrors). */
  errors: number[];
  /** What an error status means for this operation, where the general meaning would mislead. */
  errorMeanings?: Record<number, string>;
  /**
   * The scopes a credential (API key, OAuth token) needs for it, any one of them; `administrative`
   * always suffices. A signed-in admin's session may do everything.
   */
  scopes: TScope[];
  /** Only a signed-in admin's session, never an API key (minting keys). */
  isSessionOnly?: boolean;
  /**
   * Where it acts: a workspace (the default: the credential's, or the session's current one), the
   * installation (workspaces and their members: operators only, withOperator), or the browser
   * session itself (the workspace switcher, any signed-in user).
   */
  level?: "workspace" | "installation" | "session";
  /**
   * Why a write (POST, PATCH, DELETE) leaves no audit entry: it changes no setting (publishing an
   * event, checking a signature, switching the session's workspace). Every other write records one
   * (lib/db/audited-change.ts); tests/api/audit-sweep.test.ts holds each to it.
   */
  auditExempt?: string;
};

/**
 * What the route wrapper (lib/api/with-admin.ts) itself can answer, whatever the handler does: 503
 * when the database is unavailable (every operation reads it to authenticate its caller), and,
 * where it reads a body, 413 past the size cap and 415 for a body that is not JSON.
 */
export function wrapperErrors(operation: Pick<TOperation, "body">): number[] {
  return operation.body ? [413, 415, 503] : [503];
}

/** Declares an operation, with the wrapper's errors added to its own (typed for withAdmin's inference). */
export function defineOperation<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(
  operation: TOperation<P, Q, B>,
): TOperation<P, Q, B> {
  const errors = [...new Set([...operation.errors, ...wrapperErrors(operation)])].sort((a, b) => a - b);
  return { ...operation, errors };
}

/** The errors every authenticated write can answer with: field issues, no credentials, not an admin. */
export const WRITE_ERRORS = [400, 401, 403];

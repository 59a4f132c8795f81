import "server-only";
import { ZodError, type ZodType, type z } from "zod";
import { maxBodyBytes } from "../config/env-schema";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { env } from "../env";
import { DomainError } from "../errors/domain-error";
import { logUnexpected, redactSecrets } from "../errors/log-unexpected";
import { Prisma } from "../generated/prisma/client";
import { grantsAny, scopesGranting, type TScope } from "../validation/scopes";
import { unstorableStringReason } from "../validation/storable-json";
import { ApiError, fromDomainError } from "./api-error";
import { authenticateRequest, type TActor } from "./authenticate-request";
import type { TOperation } from "./define-operation";
import { readJsonBody } from "./read-json-body";

/** How long a client is told to wait when the database is unreachable (a restart takes seconds). */
export const RETRY_AFTER_S = 5;

type Input<P, Q, B> = { params: P; query: Q; body: B; actor: TActor; request: Request };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** A route handler, carrying the operation it serves (tests/lib/api/operations.test.ts matches them). */
export type TRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { operation: TOperation };

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return Response.json(error.toBody(), { status: error.status, headers: error.headers });
  if (error instanceof DomainError) return toErrorResponse(fromDomainError(error));
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json({ error: { code: "validation_failed", message: issues[0]?.message ?? "Invalid request", issues } }, { status: 400 });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return toErrorResponse(new ApiError(409, "conflict", "It already exists"));
    if (error.code === "P2025") return toErrorResponse(ApiError.notFound("It was"));
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[hookline] database unavailable: ${redactSecrets((error as Error).message)}`);
    const body = {
      error: {
        code: "unavailable",
        message: "The database is unavailable right now; retry shortly (a publish retried with the same idempotencyKey is never applied twice).",
      },
    };
    return Response.json(body, { status: 503, headers: { "retry-after": String(RETRY_AFTER_S) } });
  }
  logUnexpected("unhandled API error", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server" } }, { status: 500 });
}

/** 403 naming the scope when the caller's credential was not granted one the operation needs. */
function requireScope(actor: TActor, needed: TScope[]): void {
  if (actor.kind === "session" || grantsAny(actor.scopes, needed)) return;
  const names = needed.join(" or ");
  throw ApiError.insufficientScope(`This credential lacks the scope ${names} (or administrative); it has: ${actor.scopes.join(", ")}`, scopesGranting(needed));
}

/** Path or query parameters, refusing one PostgreSQL could not compare (NUL, lone surrogate). */
function storable<T extends Record<string, string | string[]>>(values: T): T {
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const reason = unstorableStringReason(v);
      if (reason) throw ApiError.invalid(name, `${name} ${reason}`);
    }
  }
  return values;
}

function storableQuery(request: Request): Record<string, string> {
  return storable(Object.fromEntries(new URL(request.url).searchParams));
}

/**
 * The one wrapper for admin API handlers: authenticate, parse params/query/body with the schemas of
 * its operation (lib/api/operations/, which the OpenAPI document is built from too), call the
 * handler, map errors to the documented shape. A handler returns data (200) or its own Response.
 */
export function withAdmin<
  P extends ZodType = ZodType<Record<string, never>>,
  Q extends ZodType = ZodType<Record<string, never>>,
  B extends ZodType = ZodType<undefined>,
>(operation: TOperation<P, Q, B>, handler: (input: Input<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>): TRouteHandler {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await authenticateRequest(request, { allowApiKey: !operation.isSessionOnly });
      requireScope(actor, operation.scopes);
      const params = operation.params ? operation.params.parse(storable(await context.params)) : {};
      const query = operation.query ? operation.query.parse(storableQuery(request)) : {};
      const body = operation.body ? operation.body.parse(await readJsonBody(request, maxBodyBytes(env()))) : undefined;
      const result = await handler({ params, query, body, actor, request } as Input<z.output<P>, z.output<Q>, z.output<B>>);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return Object.assign(route, { operation: operation as TOperation });
}

import "server-only";
import type { ZodType, z } from "zod";
import type { TSessionUser } from "../auth/session-user";
import { maxBodyBytes } from "../config/env-schema";
import { getDb, type PrismaClient } from "../db";
import { auditSource, type TAuditSource } from "../db/audited-change";
import { installationContext, type TInstallationContext, type TWorkspaceContext } from "../db/workspace-context";
import { env } from "../env";
import { logUnexpected } from "../errors/log-unexpected";
import { requestClientAddress } from "../http/client-address";
import { grantsAny, scopesGranting, type TScope } from "../validation/scopes";
import { unstorableStringReason } from "../validation/storable-json";
import { ApiError } from "./api-error";
import { authenticateRequest, type TActor, type TCaller } from "./authenticate-request";
import type { TOperation } from "./define-operation";
import { readJsonBody } from "./read-json-body";
import { resolveWorkspace } from "./resolve-workspace";
import { toApiError } from "./to-api-error";

/** What a handler gets: the parsed request, who calls, and the context of its level (a workspace, the installation, the session). */
type TInput<P extends ZodType, Q extends ZodType, B extends ZodType, C> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  actor: TActor;
  request: Request;
  ctx: C;
};
type THandler<P extends ZodType, Q extends ZodType, B extends ZodType, C> = (input: TInput<P, Q, B, C>) => Promise<unknown>;
type TSessionContext = TAuditSource & { user: TSessionUser; prisma: PrismaClient };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** A route handler, carrying the operation it serves (tests/lib/api/operations.test.ts matches them). */
export type TRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { operation: TOperation };

/** Any error as /api/v1 answers it: `{ error: { code, message, issues? } }` (lib/api/to-api-error.ts decides which). */
export function toErrorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  return Response.json(apiError.toBody(), { status: apiError.status, headers: apiError.headers });
}

/** 403 naming the scope when the caller's credential was not granted one the operation needs. */
function requireScope(actor: TActor, needed: TScope[]): void {
  if (actor.kind === "session" || actor.kind === "system" || grantsAny(actor.scopes, needed)) return;
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

/** 403 unless the caller is an operator: a signed-in one, or a credential with the operator scope. */
function requireOperator(caller: TCaller): void {
  if (caller.actor.kind === "session") {
    if (!("user" in caller) || !caller.user.isOperator) throw new ApiError(403, "forbidden", "Only an operator can manage workspaces");
    return;
  }
  requireScope(caller.actor, ["operator"]);
}

type TLevel<C> = (caller: TCaller, request: Request) => Promise<C>;

/** A write that must leave an audit entry (every POST, PATCH and DELETE that is not exempt). */
export function isAuditedWrite(operation: Pick<TOperation, "method" | "auditExempt">): boolean {
  return operation.method !== "GET" && !operation.auditExempt;
}

function wrap<P extends ZodType, Q extends ZodType, B extends ZodType, C>(
  operation: TOperation<P, Q, B>,
  contextOf: TLevel<C>,
  handler: THandler<P, Q, B, C>,
): TRouteHandler {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const caller = await authenticateRequest(request, { allowApiKey: !operation.isSessionOnly });
      const ctx = await contextOf(caller, request);
      const params = operation.params ? operation.params.parse(storable(await context.params)) : {};
      const query = operation.query ? operation.query.parse(storableQuery(request)) : {};
      const body = operation.body ? operation.body.parse(await readJsonBody(request, maxBodyBytes(env()))) : undefined;
      const result = await handler({ params, query, body, actor: caller.actor, request, ctx } as TInput<P, Q, B, C>);
      if (isAuditedWrite(operation) && (ctx as TAuditSource).trail.written === 0)
        logUnexpected("audit", new Error(`${operation.method} ${operation.path} changed settings without an audit entry`));
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return Object.assign(route, { operation: operation as TOperation });
}

/**
 * The one wrapper for a workspace's admin API handlers: authenticate, check the credential's scope,
 * resolve the workspace it acts in (lib/api/resolve-workspace.ts), parse params/query/body with the
 * schemas of its operation (lib/api/operations/, which the OpenAPI document is built from too), call
 * the handler with the workspace's context, map errors to the documented shape. A handler returns
 * data (200) or its own Response.
 */
export function withAdmin<
  P extends ZodType = ZodType<Record<string, never>>,
  Q extends ZodType = ZodType<Record<string, never>>,
  B extends ZodType = ZodType<undefined>,
>(operation: TOperation<P, Q, B>, handler: THandler<P, Q, B, TWorkspaceContext>): TRouteHandler {
  return wrap(
    operation,
    async (caller, request) => {
      requireScope(caller.actor, operation.scopes);
      return resolveWorkspace(caller, request);
    },
    handler,
  );
}

/** The wrapper for what a signed-in user does to their own browser session (the workspace switcher). */
export function withSession<
  P extends ZodType = ZodType<Record<string, never>>,
  Q extends ZodType = ZodType<Record<string, never>>,
  B extends ZodType = ZodType<undefined>,
>(operation: TOperation<P, Q, B>, handler: THandler<P, Q, B, TSessionContext>): TRouteHandler {
  return wrap(
    operation,
    async (caller, request) => {
      if (!("user" in caller)) throw new ApiError(403, "forbidden", "Only a signed-in user can do this");
      return { ...auditSource(caller.actor, requestClientAddress(request)), user: caller.user, prisma: await getDb() };
    },
    handler,
  );
}

/** The wrapper for the installation's operations (workspaces, their members and sign-in links): operators only. */
export function withOperator<
  P extends ZodType = ZodType<Record<string, never>>,
  Q extends ZodType = ZodType<Record<string, never>>,
  B extends ZodType = ZodType<undefined>,
>(operation: TOperation<P, Q, B>, handler: THandler<P, Q, B, TInstallationContext>): TRouteHandler {
  return wrap(
    operation,
    async (caller, request) => {
      requireOperator(caller);
      return installationContext(await getDb(), caller.actor, requestClientAddress(request));
    },
    handler,
  );
}

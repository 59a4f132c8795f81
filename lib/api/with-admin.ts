import "server-only";
import { ZodError, type ZodType, type z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { ApiError } from "./api-error";
import { authenticateRequest, type TActor } from "./authenticate-request";

const MAX_BODY_BYTES = 1024 * 1024;

type Spec<P extends ZodType, Q extends ZodType, B extends ZodType> = {
  params?: P;
  query?: Q;
  body?: B;
  /** false for routes that must not be reachable with an API key (minting keys). */
  allowApiKey?: boolean;
};
type Input<P, Q, B> = { params: P; query: Q; body: B; actor: TActor; request: Request };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return Response.json(error.toBody(), { status: error.status });
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json({ error: { code: "validation_failed", message: issues[0]?.message ?? "Invalid request", issues } }, { status: 400 });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return toErrorResponse(new ApiError(409, "conflict", "It already exists"));
    if (error.code === "P2025") return toErrorResponse(ApiError.notFound("It was"));
  }
  console.error("[hookline] unhandled API error", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server" } }, { status: 500 });
}

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, "too_large", `Request body is over ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError(413, "too_large", `Request body is over ${MAX_BODY_BYTES} bytes`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "Request body is not valid JSON");
  }
}

/**
 * The one wrapper for admin API handlers: authenticate, parse params/query/body with the shared
 * Zod schemas, call the handler, map errors to the documented shape. A handler returns data (200)
 * or its own Response.
 */
export function withAdmin<
  P extends ZodType = ZodType<Record<string, never>>,
  Q extends ZodType = ZodType<Record<string, never>>,
  B extends ZodType = ZodType<undefined>,
>(spec: Spec<P, Q, B>, handler: (input: Input<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await authenticateRequest(request, { allowApiKey: spec.allowApiKey ?? true });
      const params = spec.params ? spec.params.parse(await context.params) : {};
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : {};
      const body = spec.body ? spec.body.parse(await readJson(request)) : undefined;
      const result = await handler({ params, query, body, actor, request } as Input<z.output<P>, z.output<Q>, z.output<B>>);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

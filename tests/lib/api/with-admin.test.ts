import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { defineOperation } from "@/lib/api/define-operation";
import { toErrorResponse, withAdmin } from "@/lib/api/with-admin";
import { DatabaseUnavailableError } from "@/lib/db/open-database";
import { DomainError } from "@/lib/errors/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { adminKey, call, scopedKey } from "../../helpers/routes";

const read = async (response: Response) => ({ status: response.status, headers: response.headers, json: await response.json() });
const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError(`secret detail ${code}`, { code, clientVersion: "7.10.0" });

describe("toErrorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an ApiError with its own status and body", async () => {
    expect(await read(toErrorResponse(new ApiError(418, "teapot", "No coffee")))).toMatchObject({
      status: 418,
      json: { error: { code: "teapot", message: "No coffee" } },
    });
  });

  it.each([
    ["invalid", 400],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["too_large", 413],
    ["rejected", 422],
  ] as const)("answers a %s DomainError with %i and its code, message and issues", async (kind, status) => {
    const res = await read(toErrorResponse(new DomainError(kind, "some_code", "Some message", [{ path: "p", message: "m" }])));
    expect(res).toEqual({
      status,
      headers: res.headers,
      json: { error: { code: "some_code", message: "Some message", issues: [{ path: "p", message: "m" }] } },
    });
  });

  it("answers a ZodError with 400 and every issue, the first one as the message", async () => {
    const parsed = z
      .object({ url: z.string().min(3, "url is too short"), nested: z.object({ n: z.number({ error: "n must be a number" }) }) })
      .safeParse({ url: "x", nested: { n: "1" } });
    expect(parsed.success).toBe(false);
    const res = await read(toErrorResponse(parsed.error));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "validation_failed",
        message: "url is too short",
        issues: [
          { path: "url", message: "url is too short" },
          { path: "nested.n", message: "n must be a number" },
        ],
      },
    });
  });

  it("answers a unique violation (P2002) with 409 and a missing row (P2025) with 404, without Prisma's words", async () => {
    expect(await read(toErrorResponse(prismaError("P2002")))).toMatchObject({
      status: 409,
      json: { error: { code: "conflict", message: "It already exists" } },
    });
    expect(await read(toErrorResponse(prismaError("P2025")))).toMatchObject({
      status: 404,
      json: { error: { code: "not_found", message: "It was not found" } },
    });
  });

  it("answers an unreachable database with 503 and Retry-After: 5", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const error of [
      new DatabaseUnavailableError("Cannot connect"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      prismaError("P1001"),
    ]) {
      const res = await read(toErrorResponse(error));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.json.error.code).toBe("unavailable");
      expect(res.json.error.message).toMatch(/^The database is unavailable right now; retry shortly/);
      expect(JSON.stringify(res.json)).not.toContain("ECONNREFUSED");
    }
    expect(log).toHaveBeenCalledTimes(3);
  });

  it("answers anything else with 500, logging it but not leaking its message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("cannot read secretColumn of undefined");
    const res = await read(toErrorResponse(bug));
    expect(res).toMatchObject({ status: 500, json: { error: { code: "internal", message: "Something went wrong on the server" } } });
    expect(res.headers.get("retry-after")).toBeNull();
    expect(JSON.stringify(res.json)).not.toContain("secretColumn");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("[hookline] unhandled API error: TypeError: cannot read secretColumn of undefined"));
    // A Prisma error with another code is a bug too, not a 409/404.
    expect((await read(toErrorResponse(prismaError("P2003")))).status).toBe(500);
    expect((await read(toErrorResponse("a thrown string"))).status).toBe(500);
  });
});

const THING = defineOperation({
  method: "GET",
  path: "/things/{id}",
  tag: "Things",
  summary: "A test operation",
  scopes: ["webhooks:read"],
  params: z.object({ id: z.string() }),
  query: z.object({ q: z.string().optional() }),
  responses: [{ status: 200, description: "ok" }],
  errors: [400, 401, 403],
});
const CREATE_THING = defineOperation({
  method: "POST",
  path: "/things",
  tag: "Things",
  summary: "Creates a thing",
  scopes: ["webhooks:write"],
  body: z.object({ name: z.string().min(1) }).strict(),
  responses: [{ status: 201, description: "created" }],
  errors: [400, 401, 403],
});

describe("withAdmin", () => {
  it("carries its operation", () => {
    expect(withAdmin(THING, async () => null).operation).toBe(THING);
    expect(withAdmin(CREATE_THING, async () => null).operation).toBe(CREATE_THING);
  });
});

describe.each(TEST_DATABASES)("withAdmin on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  function thingRoute(result: unknown = { ok: true }) {
    const calls: unknown[] = [];
    const handler = withAdmin(THING, async (input) => {
      calls.push({ params: input.params, query: input.query, body: input.body, actor: input.actor, workspace: input.ctx.workspace.slug });
      if (result instanceof Error) throw result;
      return result;
    });
    return { handler, calls };
  }

  it("authenticates, parses params and query, and answers the handler's data with 200", async () => {
    const key = await adminKey();
    const apiKey = await db().prisma.apiKey.findFirstOrThrow();
    const { handler, calls } = thingRoute({ answer: 42 });
    const res = await call(handler, { key, path: "/things/abc?q=hello", params: { id: "abc" } });
    expect(res).toEqual({ status: 200, json: { answer: 42 } });
    expect(calls).toEqual([
      {
        params: { id: "abc" },
        query: { q: "hello" },
        body: undefined,
        actor: { kind: "api_key", apiKeyId: apiKey.id, scopes: ["administrative"] },
        workspace: "default", // the key's own
      },
    ]);
  });

  it("403 naming the scope when the key lacks it; a write scope includes reading; the handler is not called", async () => {
    const { handler, calls } = thingRoute();
    const publishOnly = await scopedKey(["events:publish"]);
    const res = await call(handler, { key: publishOnly, path: "/things/abc", params: { id: "abc" } });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: "insufficient_scope" } });
    expect((res.json as { error: { message: string } }).error.message).toContain("webhooks:read");
    expect(calls).toEqual([]);
    for (const scopes of [["webhooks:read"], ["webhooks:write"], ["administrative"]] as const) {
      const ok = await call(handler, { key: await scopedKey([...scopes]), path: "/things/abc", params: { id: "abc" } });
      expect(ok.status, scopes.join()).toBe(200);
    }
    const readOnly = await scopedKey(["webhooks:read", "deliveries:write"]);
    expect(
      (
        await call(
          withAdmin(CREATE_THING, async () => null),
          { method: "POST", key: readOnly, body: { name: "x" } },
        )
      ).status,
    ).toBe(403);
  });

  it("401 without credentials, and the handler is not called", async () => {
    const { handler, calls } = thingRoute();
    expect(await call(handler, { path: "/things/abc", params: { id: "abc" } })).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    expect(calls).toEqual([]);
  });

  it("challenges as RFC 6750 says: a bare Bearer 401, invalid_token for a dead credential, insufficient_scope naming the scopes", async () => {
    const { handler } = thingRoute();
    const challenge = async (authorization?: string) => {
      const request = new Request("http://localhost:3000/api/v1/things/abc", { headers: authorization ? { authorization } : {} });
      const response = await handler(request, { params: Promise.resolve({ id: "abc" }) });
      return [response.status, response.headers.get("www-authenticate")];
    };
    expect(await challenge()).toEqual([401, 'Bearer realm="hookline"']);
    expect(await challenge("Bearer hkl_not_a_real_key")).toEqual([401, 'Bearer realm="hookline", error="invalid_token"']);
    expect(await challenge(`Bearer ${await scopedKey(["events:publish"])}`)).toEqual([
      403,
      'Bearer realm="hookline", error="insufficient_scope", scope="webhooks:read webhooks:write administrative"',
    ]);
    expect(await challenge(`Bearer ${await adminKey()}`)).toEqual([200, null]);
  });

  it("refuses a path parameter with NUL or a lone surrogate with 400 naming it", async () => {
    const key = await adminKey();
    const { handler, calls } = thingRoute();
    const nul = await call(handler, { key, path: "/things/x", params: { id: "a\u0000b" } });
    expect(nul).toEqual({
      status: 400,
      json: {
        error: {
          code: "validation_failed",
          message: "id must not contain a NUL character (\\u0000)",
          issues: [{ path: "id", message: "id must not contain a NUL character (\\u0000)" }],
        },
      },
    });
    const surrogate = await call(handler, { key, path: "/things/x", params: { id: "a\uD800" } });
    expect(surrogate.status).toBe(400);
    expect(surrogate.json.error.issues).toEqual([{ path: "id", message: "id must not contain an unpaired UTF-16 surrogate (not valid Unicode)" }]);
    expect(calls).toEqual([]);
  });

  it("refuses a query parameter with NUL with 400 naming it", async () => {
    const key = await adminKey();
    const { handler, calls } = thingRoute();
    const res = await call(handler, { key, path: "/things/abc?q=a%00b", params: { id: "abc" } });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({
      code: "validation_failed",
      message: "q must not contain a NUL character (\\u0000)",
      issues: [{ path: "q", message: "q must not contain a NUL character (\\u0000)" }],
    });
    expect(calls).toEqual([]);
  });

  it("maps what the handler throws, and passes its own Response through", async () => {
    const key = await adminKey();
    const notFound = thingRoute(DomainError.notFound("Thing")).handler;
    expect(await call(notFound, { key, path: "/things/abc", params: { id: "abc" } })).toEqual({
      status: 404,
      json: { error: { code: "not_found", message: "Thing not found" } },
    });
    const own = thingRoute(new Response(null, { status: 204 })).handler;
    expect(await call(own, { key, path: "/things/abc", params: { id: "abc" } })).toEqual({ status: 204, json: null });
  });

  it("parses the body with the operation's schema: 400 with the field's issue", async () => {
    const key = await adminKey();
    const bodies: unknown[] = [];
    const handler = withAdmin(CREATE_THING, async ({ body }) => {
      bodies.push(body);
      return Response.json(body, { status: 201 });
    });
    expect(await call(handler, { method: "POST", key, path: "/things", body: { name: "n" } })).toEqual({ status: 201, json: { name: "n" } });
    const empty = await call(handler, { method: "POST", key, path: "/things", body: { name: "" } });
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe("validation_failed");
    expect(empty.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["name"]);
    expect(bodies).toEqual([{ name: "n" }]);
  });

  it("a session-only operation refuses an API key with 403", async () => {
    const key = await adminKey();
    const handler = withAdmin({ ...CREATE_THING, isSessionOnly: true }, async () => ({ minted: true }));
    expect(await call(handler, { method: "POST", key, path: "/things", body: { name: "n" } })).toMatchObject({
      status: 403,
      json: { error: { code: "forbidden" } },
    });
  });
});

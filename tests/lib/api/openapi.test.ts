import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ALL_OPERATIONS } from "@/lib/api/operations";

// The document is built from the operations: each one appears under its path and method, with
// what it declares. (Its validity as OpenAPI 3.1 is checked on the served document, tests/api/catalog-routes.test.ts.)

describe("buildOpenApiDocument", () => {
  it("the document has each operation under its path and method, with its parameters, body and responses", () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    for (const op of ALL_OPERATIONS) {
      const documented = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(documented, `${op.method} ${op.path}`).toBeDefined();
      const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(documented?.parameters?.filter((p) => p.in === "path").map((p) => p.name) ?? [], `${op.method} ${op.path} path parameters`).toEqual(pathParams);
      expect(documented?.requestBody !== undefined, `${op.method} ${op.path} body`).toBe(op.body !== undefined);
      for (const status of [...op.responses.map((r) => r.status), ...op.errors])
        expect(documented?.responses[String(status)], `${op.method} ${op.path} ${status}`).toBeDefined();
    }
    const documentedCount = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(documentedCount).toBe(ALL_OPERATIONS.length);
  });

  it("documents the signature families on the webhook, its create and update bodies, and the test body", () => {
    const text = JSON.stringify(buildOpenApiDocument());
    const doc = JSON.parse(text) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
      components?: { schemas?: Record<string, unknown> };
    };
    const bodyOf = (path: string, method: string) => {
      const schema = doc.paths[path]?.[method]?.requestBody?.content["application/json"]?.schema ?? {};
      return JSON.stringify(schema.$ref ? doc.components?.schemas?.[schema.$ref.split("/").at(-1) ?? ""] : schema);
    };
    for (const [path, method] of [
      ["/webhooks", "post"],
      ["/webhooks/{id}", "patch"],
      ["/webhooks/test", "post"],
      ["/webhooks/{id}/test", "post"],
    ] as const)
      expect(bodyOf(path, method), `${method} ${path}`).toMatch(/"signatureFamilies".*"teamwork","standard-webhooks","twenty"/);
    expect(text).toContain("X-Twenty-Webhook");
  });
});

describe("the wrapper's own refusals in the document", () => {
  it("every operation lists 503 with Retry-After's meaning; 413 and 415 exactly where it takes a body", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { description: string; content?: unknown }> }>> };
    for (const op of ALL_OPERATIONS) {
      const key = `${op.method} ${op.path}`;
      const responses = doc.paths[op.path]?.[op.method.toLowerCase()]?.responses ?? {};
      expect(responses["503"]?.description, key).toMatch(/database is unavailable.*Retry-After/);
      expect(responses["503"]?.content, key).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
      for (const status of ["413", "415"]) expect(responses[status] !== undefined, `${key} ${status}`).toBe(op.body !== undefined);
    }
    // A read and a write, by name: the publish path and a plain GET.
    expect(Object.keys(doc.paths["/events"]?.post?.responses ?? {})).toEqual(expect.arrayContaining(["413", "415", "503"]));
    expect(Object.keys(doc.paths["/webhooks"]?.get?.responses ?? {})).toEqual(expect.arrayContaining(["503"]));
    expect(Object.keys(doc.paths["/webhooks"]?.get?.responses ?? {})).not.toContain("413");
  });
});

describe("scopes in the document", () => {
  it("each operation lists the scopes a credential needs for it, and session-only ones say so", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { security: Record<string, string[]>[] }>> };
    for (const op of ALL_OPERATIONS) {
      const security = doc.paths[op.path]?.[op.method.toLowerCase()]?.security;
      if (op.isSessionOnly) expect(security, `${op.method} ${op.path}`).toEqual([{ session: [] }]);
      else {
        expect(op.scopes.length, `${op.method} ${op.path} declares a scope`).toBeGreaterThan(0);
        expect(security, `${op.method} ${op.path}`).toEqual([{ apiKey: op.scopes }, { oauth2: op.scopes }, { session: [] }]);
      }
    }
    expect(doc.paths["/events"]?.post?.security[0]).toEqual({ apiKey: ["events:publish"] });
    expect(doc.paths["/webhooks/{id}"]?.delete?.security[0]).toEqual({ apiKey: ["webhooks:write"] });
    expect(doc.paths["/deliveries/{id}/redeliver"]?.post?.security[0]).toEqual({ apiKey: ["deliveries:write"] });
  });
});

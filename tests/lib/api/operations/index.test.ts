import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "@/lib/api/operations";
import type { TRouteHandler } from "@/lib/api/with-admin";

// Each operation is declared once (lib/api/operations/): the route handler runs with it and the
// OpenAPI document is built from it. This proves the two sides meet: every method a route file
// exports serves the operation of its own method and path, and every operation has its handler.

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const UNDOCUMENTED = new Set(["GET /openapi.json"]); // the document itself

function routeFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

async function exportedHandlers() {
  const found: { key: string; handler: Partial<TRouteHandler> }[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(`@/app/api/v1/${file.replace(/\.ts$/, "")}`)) as Record<string, Partial<TRouteHandler>>;
    const apiPath = `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
    for (const method of METHODS) if (mod[method]) found.push({ key: `${method} ${apiPath}`, handler: mod[method] });
  }
  return found;
}

describe("API operations", () => {
  it("every route method serves the operation of its own method and path, and every operation has one", async () => {
    const handlers = await exportedHandlers();
    expect(handlers.length).toBeGreaterThan(25);
    const served = new Set<string>();
    for (const { key, handler } of handlers) {
      if (UNDOCUMENTED.has(key)) continue;
      const op = handler.operation;
      expect(op, `${key} is not built with withAdmin(operation, ...)`).toBeDefined();
      expect(`${op?.method} ${op?.path}`, key).toBe(key);
      served.add(key);
    }
    const declared = ALL_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(declared).size, "an operation declared twice").toBe(declared.length);
    expect(
      declared.filter((key) => !served.has(key)),
      "operations without a handler",
    ).toEqual([]);
  });
});

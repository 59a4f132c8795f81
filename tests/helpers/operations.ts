import { expect } from "vitest";
import type { ZodObject, ZodType } from "zod";
import type { TOperation } from "@/lib/api/define-operation";

/** The operations a lib/api/operations/<resource>.ts module declares. */
export function declaredIn(module: Record<string, unknown>): TOperation[] {
  return Object.values(module).filter((v): v is TOperation => typeof v === "object" && v !== null && "method" in v && "path" in v);
}

const shapeKeys = (schema: ZodType | undefined) => Object.keys((schema as ZodObject | undefined)?.shape ?? {}).sort();

/**
 * What every declaration must hold for the handler and the document to agree: path parameters
 * named by the params schema and described, no body on reads and deletes, 2xx responses, and the
 * errors every authenticated call can give (400 wherever input is parsed).
 */
export function expectWellFormed(operations: TOperation[]): void {
  expect(operations.length).toBeGreaterThan(0);
  for (const op of operations) {
    const key = `${op.method} ${op.path}`;
    expect(op.path, key).toMatch(/^(\/([a-z0-9-]+|\{\w+\}))+$/);
    expect(op.summary.trim(), key).not.toBe("");
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(shapeKeys(op.params), `${key}: params schema`).toEqual(pathParams);
    expect(Object.keys(op.paramDescriptions ?? {}).sort(), `${key}: described params`).toEqual(pathParams);
    if (op.method === "GET" || op.method === "DELETE") expect(op.body, `${key} takes no body`).toBeUndefined();
    if (op.isBodyOptional) expect(op.body, `${key}: an optional body is still declared`).toBeDefined();
    expect(op.responses.length, key).toBeGreaterThan(0);
    for (const r of op.responses) expect(r.status >= 200 && r.status < 300, `${key}: ${r.status}`).toBe(true);
    expect(new Set(op.responses.map((r) => r.status)).size, `${key}: a response status twice`).toBe(op.responses.length);
    expect(op.errors, key).toEqual(expect.arrayContaining([401, 403]));
    expect(new Set(op.errors).size, `${key}: an error twice`).toBe(op.errors.length);
    if (op.params || op.query || op.body) expect(op.errors, `${key} parses input`).toContain(400);
    if (op.params) expect(op.errors, `${key} names one thing`).toContain(404);
    for (const status of Object.keys(op.errorMeanings ?? {})) expect(op.errors, `${key}: a meaning for an error it does not give`).toContain(Number(status));
  }
}

/** The first issue's path when `schema` refuses `value` (undefined when it accepts it). */
export function refusedAt(schema: ZodType | undefined, value: unknown): string | undefined {
  if (!schema) throw new Error("no schema declared");
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : (parsed.error.issues[0]?.path.join(".") ?? "");
}

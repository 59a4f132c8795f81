import { describe, expect, it } from "vitest";
import { exampleOf, typeLabel } from "@/components/api-docs/schema-text";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const doc = {
  components: { schemas: { Thing: { type: "object", properties: { id: { type: "string", format: "uuid" }, n: { type: "integer", minimum: 1 } } } } },
};

describe("schema-text", () => {
  it("names types in words: references, nullables, enums, arrays, formats", () => {
    expect(typeLabel({ $ref: "#/components/schemas/Thing" }, doc)).toBe("Thing");
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }] }, doc)).toBe("string or null");
    expect(typeLabel({ type: ["integer", "null"] }, doc)).toBe("integer or null");
    expect(typeLabel({ enum: ["now", "1h"] }, doc)).toBe('one of: "now", "1h"');
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Thing" } }, doc)).toBe("array of Thing");
    expect(typeLabel({ type: "string", format: "date-time" }, doc)).toBe("string (date-time)");
    expect(typeLabel({}, doc)).toBe("any JSON");
  });

  it("makes a plausible example of each shape, following references", () => {
    expect(exampleOf({ $ref: "#/components/schemas/Thing" }, doc)).toEqual({ id: "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", n: 1 });
    expect(exampleOf({ type: "array", items: { type: "boolean" } }, doc)).toEqual([true]);
    expect(exampleOf({ anyOf: [{ type: "null" }, { type: "string", enum: ["a"] }] }, doc)).toBe("a");
    expect(exampleOf({ type: "string", default: "24h" }, doc)).toBe("24h");
  });

  it("no type in the real document reads as the old 'value' or 'one of' without members", () => {
    const real = buildOpenApiDocument() as Record<string, unknown>;
    const schemas = (real.components as { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> }).schemas;
    for (const [name, schema] of Object.entries(schemas))
      for (const [field, p] of Object.entries(schema.properties ?? {})) {
        const label = typeLabel(p, real);
        expect(label, `${name}.${field}`).not.toMatch(/^(value|one of)$/);
        expect(exampleOf(p, real), `${name}.${field}`).not.toBeUndefined();
      }
  });
});

describe("examples in the API reference", () => {
  it("are realistic: no safe-integer extremes, no bare 'string', timestamps as times, counts as small numbers", () => {
    expect(exampleOf({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, doc, 0, "durationMs")).toBe(142);
    expect(exampleOf({ type: "integer", minimum: -9007199254740991 }, doc, 0, "somethingElse")).toBe(1);
    expect(exampleOf({ type: "integer", minimum: 60, maximum: 3600 }, doc)).toBe(60);
    expect(exampleOf({ type: "string" }, doc, 0, "createdAt")).toBe("2026-12-06T21:00:00.000Z");
    expect(exampleOf({ type: ["string", "null"] }, doc, 0, "completedAt")).toBe("2026-12-06T21:00:00.000Z");
    expect(exampleOf({ type: "string" }, doc, 0, "webhookId")).toBe("0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
    expect(exampleOf({ type: "string" }, doc, 0, "unheardOf")).toBe("unheardOf");
  });

  it("the real document's examples, every operation's request and response, hold none of the old placeholders", () => {
    const real = buildOpenApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const text = JSON.stringify(
      Object.values(real.paths).flatMap((ops) =>
        Object.values(ops).flatMap((op) => {
          const bodies = [op.requestBody, ...Object.values((op.responses ?? {}) as Record<string, unknown>)] as {
            content?: Record<string, { schema: unknown }>;
          }[];
          return bodies.flatMap((b) => Object.values(b?.content ?? {}).map((c) => exampleOf(c.schema as Record<string, unknown>, real)));
        }),
      ),
    );
    expect(text.length).toBeGreaterThan(1_000);
    expect(text).not.toContain("9007199254740991");
    expect(text).not.toMatch(/"string"/);
  });
});

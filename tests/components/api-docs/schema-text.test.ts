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

import { describe, expect, it } from "vitest";
import { arrayOf, model, nullable, object, ref } from "@/lib/db/event-examples/model";

describe("the compact schema helpers", () => {
  it("turn type names into schemas: formats, nullable with ?, nested schemas kept as they are", () => {
    expect(object({ a: "integer", b: "date-time?", c: "email", d: { type: "object" } }, ["a"])).toEqual({
      type: "object",
      properties: {
        a: { type: "integer" },
        b: { type: ["string", "null"], format: "date-time" },
        c: { type: "string", format: "email" },
        d: { type: "object" },
      },
      required: ["a"],
    });
    expect(object({ a: "string" })).not.toHaveProperty("required");
  });

  it("refs need an id; nullable and arrays wrap what they are given", () => {
    expect(ref({ name: "string" })).toEqual({ type: "object", properties: { id: { type: "integer" }, name: { type: "string" } }, required: ["id"] });
    expect(nullable({ type: "string" })).toEqual({ anyOf: [{ type: "string" }, { type: "null" }] });
    expect(arrayOf("uuid")).toEqual({ type: "array", items: { type: "string", format: "uuid" } });
  });

  it("a model is a titled 2020-12 object schema with its example", () => {
    const m = model("Deal", "A deal", { id: "integer" }, ["id"], { id: 1 });
    expect(m.schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Deal",
      description: "A deal",
      type: "object",
      required: ["id"],
    });
    expect(m.example).toEqual({ id: 1 });
  });
});

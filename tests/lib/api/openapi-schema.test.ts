import { describe, expect, it } from "vitest";
import { z } from "zod";
import { input, list, output, page, ref, single, strip } from "@/lib/api/openapi-schema";

const ZThing = z.object({ name: z.string().min(1), enabled: z.boolean().default(true) }).strict();

describe("OpenAPI schema pieces", () => {
  it("input leaves a defaulted field optional; output requires it", () => {
    const sent = input(ZThing);
    expect(sent.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(sent.type).toBe("object");
    expect(sent.required).toEqual(["name"]);
    expect(sent.properties).toMatchObject({ name: { type: "string", minLength: 1 }, enabled: { type: "boolean", default: true } });
    expect(sent.additionalProperties).toBe(false);
    expect(output(ZThing).required).toEqual(["name", "enabled"]);
  });

  it("does not throw on what JSON Schema cannot say (a Date becomes any)", () => {
    expect(() => input(z.object({ at: z.date() }))).not.toThrow();
    expect((input(z.object({ at: z.date() })).properties as Record<string, unknown>).at).toEqual({});
  });

  it("strip drops only $schema", () => {
    expect(strip({ $schema: "x", type: "string", minLength: 1 })).toEqual({ type: "string", minLength: 1 });
    expect(strip(input(ZThing))).not.toHaveProperty("$schema");
    expect(strip(input(ZThing))).toHaveProperty("properties");
  });

  it("ref points into #/components/schemas", () => {
    expect(ref("Webhook")).toEqual({ $ref: "#/components/schemas/Webhook" });
  });

  it("page, list and single wrap items in the API's envelopes", () => {
    expect(page("Delivery")).toEqual({
      type: "object",
      properties: { data: { type: "array", items: { $ref: "#/components/schemas/Delivery" } }, nextCursor: { type: ["string", "null"] } },
      required: ["data", "nextCursor"],
    });
    expect(list({ type: "string" })).toEqual({ type: "object", properties: { data: { type: "array", items: { type: "string" } } }, required: ["data"] });
    expect(single(ref("Webhook"))).toEqual({ type: "object", properties: { data: { $ref: "#/components/schemas/Webhook" } }, required: ["data"] });
  });
});

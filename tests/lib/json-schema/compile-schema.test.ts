import { describe, expect, it } from "vitest";
import { compileSchema, JsonSchemaError, MAX_ERRORS, SCHEMA_MAX_BYTES } from "@/lib/json-schema/compile-schema";

const messages = (schema: unknown, value: unknown) => compileSchema(schema)(value).map((i) => i.message);
const refusal = (schema: unknown) => {
  try {
    compileSchema(schema);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSchemaError);
    return (error as Error).message;
  }
  throw new Error("compiled");
};

describe("compileSchema", () => {
  const deal = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { amount: { type: "number", minimum: 0 }, owner: { type: "object", properties: { email: { type: "string", format: "email" } } } },
    required: ["amount"],
  };

  it("validates with 2020-12 rules and formats, naming each problem by its path from data", () => {
    expect(messages(deal, { amount: 5, owner: { email: "a@b.example" } })).toEqual([]);
    expect(compileSchema(deal)({ amount: -1, owner: { email: "nope" } })).toEqual([
      { path: "data.amount", message: "data.amount must be >= 0" },
      { path: "data.owner.email", message: 'data.owner.email must match format "email"' },
    ]);
    expect(messages(deal, {})).toEqual(["data must have required property 'amount'"]);
    expect(messages({ type: "string", enum: ["a", "b"] }, "c")).toEqual(['data must be equal to one of the allowed values: "a", "b"']);
    expect(messages({ type: "object", additionalProperties: false }, { x: 1 })).toEqual(["data must NOT have additional properties (x)"]);
    expect(compileSchema(deal)({}, "example")[0]?.path).toBe("example");
    // 2020-12 itself: prefixItems is that dialect's, not draft 7's.
    expect(messages({ type: "array", prefixItems: [{ type: "integer" }] }, ["x"])).toEqual(["data.0 must be integer"]);
  });

  it("reports at most MAX_ERRORS problems, the last saying how many more", () => {
    const issues = compileSchema({ type: "array", items: { type: "string" } })(Array.from({ length: 50 }, (_, i) => i));
    expect(issues).toHaveLength(MAX_ERRORS);
    expect(issues.at(-1)?.message).toBe(`… and ${50 - MAX_ERRORS + 1} more`);
  });

  it("refuses what is not a schema, with why", () => {
    expect(refusal([])).toBe("must be a JSON Schema object");
    expect(refusal("x")).toBe("must be a JSON Schema object");
    expect(refusal({ type: "nope" })).toMatch(/^is not a valid JSON Schema: schema\.type must be equal to one of the allowed values/);
    expect(refusal({ minimum: "one" })).toMatch(/^is not a valid JSON Schema: schema\.minimum must be number/);
  });

  it("never fetches: a $ref that is not inside the schema is refused", () => {
    expect(refusal({ $ref: "http://127.0.0.1:9/schema.json" })).toMatch(/^cannot be compiled: can't resolve reference/);
    expect(messages({ $defs: { n: { type: "number" } }, $ref: "#/$defs/n" }, "x")).toEqual(["data must be number"]);
  });

  it("refuses what a payload could make slow: backtracking patterns and uniqueItems", () => {
    expect(refusal({ type: "string", pattern: "^(a+)+$" })).toMatch(/^pattern "\^\(a\+\)\+\$" could take exponential time/);
    expect(refusal({ type: "object", patternProperties: { "(x*)*y": {} } })).toMatch(/could take exponential time/);
    expect(refusal({ type: "array", uniqueItems: true })).toMatch(/^uniqueItems is not supported/);
    expect(messages({ type: "string", pattern: "^[a-z]+$" }, "abc")).toEqual([]);
    // The "regex" format would compile payload strings: not installed, so it checks nothing.
    expect(messages({ type: "string", format: "regex" }, "(a+)+$")).toEqual([]);
  });

  it("refuses a schema over the size limit", () => {
    const big = { type: "object", description: "x".repeat(SCHEMA_MAX_BYTES) };
    expect(refusal(big)).toMatch(/^is \d+ bytes; the limit is 65536$/);
  });

  it("compiles a schema once however often it is asked, and two schemas with one $id do not clash", () => {
    const schema = { $id: "https://example.com/deal", type: "object", required: ["a"] };
    expect(compileSchema(schema)).toBe(compileSchema(JSON.parse(JSON.stringify(schema))));
    const other = compileSchema({ $id: "https://example.com/deal", type: "object", required: ["b"] });
    expect(other({ a: 1 }).map((i) => i.message)).toEqual(["data must have required property 'b'"]);
  });
});

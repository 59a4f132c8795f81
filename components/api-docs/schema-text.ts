// Words and examples for JSON Schemas in the API reference: "string or null", "one of: a, b",
// "array of Webhook", and a plausible value of each shape (browser-safe, no dependencies).

type Json = Record<string, unknown>;

function named(schema: Json, doc: Json): { name?: string; schema: Json } {
  const ref = schema.$ref;
  if (typeof ref !== "string") return { schema };
  const name = ref.split("/").at(-1) as string;
  return { name, schema: (((doc.components as Json)?.schemas as Json)?.[name] as Json) ?? {} };
}

/** A schema's type in a few words. */
export function typeLabel(schema: Json, doc: Json): string {
  const { name, schema: s } = named(schema, doc);
  if (name) return name;
  if (Array.isArray(s.enum)) return `one of: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if ("const" in s) return JSON.stringify(s.const);
  const members = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (members) return [...new Set(members.map((m) => typeLabel(m, doc)))].join(" or ");
  if (Array.isArray(s.type)) return s.type.join(" or ");
  if (s.type === "array") return `array of ${typeLabel((s.items as Json | undefined) ?? {}, doc)}`;
  if (s.type === "string" && typeof s.format === "string") return `string (${s.format})`;
  if (typeof s.type === "string") return s.type;
  return "any JSON";
}

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
  "date-time": "2026-11-30T12:00:00.000Z",
  uri: "https://example.com/webhooks",
  email: "admin@example.com",
};

// Fields whose name says more than their type does.
const NAMED_EXAMPLES: Record<string, unknown> = {
  url: "https://example.com/webhooks",
  event: "deals.created",
  events: ["deals.created", "deals.updated"],
  description: "Sync deals to the warehouse",
  name: "CRM production",
};

/** A plausible value of the schema (named `field` in its object, if any), for an example request or response. */
export function exampleOf(schema: Json, doc: Json, depth = 0, field?: string): unknown {
  if (field && field in NAMED_EXAMPLES) return NAMED_EXAMPLES[field];
  const { schema: s } = named(schema, doc);
  if (depth > 6) return null;
  if ("example" in s) return s.example;
  if ("default" in s && s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  const members = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (members) return exampleOf(members.find((m) => m.type !== "null") ?? members[0] ?? {}, doc, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const properties = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, exampleOf(v, doc, depth + 1, k)]));
    }
    case "array":
      return [exampleOf((s.items as Json | undefined) ?? {}, doc, depth + 1)];
    case "string":
      return FORMAT_EXAMPLES[String(s.format)] ?? "string";
    case "integer":
      return typeof s.minimum === "number" ? s.minimum : 0;
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 0;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}

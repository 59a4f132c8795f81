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

const TIME = "2026-12-06T21:00:00.000Z";
const UUID = "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d";

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: UUID,
  "date-time": TIME,
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

// Strings with no format in their schema, by what the field holds: what a real answer would carry.
const STRING_EXAMPLES: Record<string, string> = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  signature: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  expectedWithYourSecret: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  body: '{"id":"0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d","event":"deals.created","data":{"id":42}}',
  requestBody: '{"id":"0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d","event":"deals.created","data":{"id":42}}',
  responseBody: "ok",
  responseSnippet: "ok",
  signedString: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d.1796639993.{"id":"0b7c1d2e-…","event":"deals.created"}',
  normalized: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  timestamp: "1796639993",
  explanation: "Matches: signed with this secret over the body as sent",
  nextCursor: "eyJjIjoiMjAyNi0xMi0wNlQyMTowMDowMC4wMDBaIiwiaSI6IjBiN2MifQ",
  token: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  httpUser: "hookline",
  httpPassword: "correct-horse-battery",
  client_id: "hko_4nQ2pV7x",
  clientId: "hko_4nQ2pV7x",
  clientSecret: "hks_Jr0t6sV9wQ3zY1uX8cB5nM2kL7pA4dF0",
  redirect_uri: "https://app.example.com/oauth/callback",
  scope: "webhooks:read deliveries:read",
  state: "af0ifjsldkj",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code: "not_found",
  redirectTo: "/settings/webhooks",
  email: "admin@example.com",
  user: "admin@example.com",
  createdBy: "admin@example.com",
  slug: "acme",
  message: "Webhook not found",
  path: "url",
  projectId: "p-42",
  errorClass: "timeout",
  lastErrorClass: "http_status",
  errorMessage: "No answer within 10 s",
  webhookUrl: "https://example.com/webhooks",
  webhookDescription: "Sync deals to the warehouse",
  idempotencyKey: "deal-42-created",
  disabledReason: "The receiver answered 410 Gone",
  group: "Deals",
  prefix: "hkl_3f9a",
  key: "hkl_3f9aQw7Lm2Zx8Vb4Nc6Rt1Yu5Io0Pe9Kj",
};

// Counts and measures, by field: a small realistic value, not the type's extreme.
const NUMBER_EXAMPLES: Record<string, number> = {
  requeued: 12,
  queued: 12,
  scheduled: 3,
  inFlight: 4,
  startedLastSecond: 8,
  succeeded: 1180,
  failed: 2,
  retried: 5,
  p50: 84,
  p95: 310,
  p95Ms: 310,
  attemptCount: 1,
  number: 1,
  durationMs: 142,
  statusCode: 200,
  lastStatusCode: 200,
  status: 200,
  deliveries: 1,
  consecutiveFailures: 0,
  failureLimit: 10,
  attempts: 1200,
  successRate: 0.998,
  maxInFlight: 16,
  rateLimitPerSecond: 50,
};

/** A bound a schema states for itself: zod's safe-integer limits (±2^53−1) say nothing about the field. */
const boundOf = (value: unknown): number | undefined => (typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);

function numberExample(s: Json, field: string | undefined): number {
  const min = boundOf(s.minimum);
  const max = boundOf(s.maximum);
  const named = field === undefined ? undefined : NUMBER_EXAMPLES[field];
  const wanted = named ?? 1;
  return Math.min(max ?? wanted, Math.max(min ?? wanted, wanted));
}

function stringExample(s: Json, field: string | undefined): string {
  const byFormat = FORMAT_EXAMPLES[String(s.format)];
  if (byFormat) return byFormat;
  if (field === undefined) return "text";
  if (field in STRING_EXAMPLES) return STRING_EXAMPLES[field] as string;
  if (/At$|^(since|until|at|hour)$/.test(field)) return TIME;
  if (field === "id" || /Id$/.test(field) || field === "workspace") return UUID;
  return field; // a field's own name reads better in an example than "string"
}

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
  if (members) return exampleOf(members.find((m) => m.type !== "null") ?? members[0] ?? {}, doc, depth + 1, field);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const properties = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, exampleOf(v, doc, depth + 1, k)]));
    }
    case "array":
      return [exampleOf((s.items as Json | undefined) ?? {}, doc, depth + 1, field === "redirectUris" ? "redirect_uri" : undefined)];
    case "string":
      return stringExample(s, field);
    case "integer":
      return Math.round(numberExample(s, field));
    case "number":
      return numberExample(s, field);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}

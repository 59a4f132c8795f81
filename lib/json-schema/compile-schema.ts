// The file, not the folder: the compiled entry points load it as an ES module import, which needs the extension.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { unsafePatternReason } from "./regex-safety";

// JSON Schema (2020-12) for event types, with Ajv. Schemas come from API callers, so compiling one
// must not let them make Hookline slow or reach out:
// - `pattern` and `patternProperties` are refused when their regular expression could backtrack
//   exponentially (./regex-safety.ts), since payloads are matched against them;
// - `uniqueItems` is refused: Ajv compares objects pairwise, the square of an array's length;
// - a `$ref` to anything but the schema itself cannot be resolved (no loader): refused, never fetched;
// - the "regex" format (which would compile payload strings as expressions) is not installed.
// One Ajv instance compiles every schema and forgets it at once (removeSchema), so the instance does
// not grow with the schemas it has seen, and two schemas with the same $id never clash; the compiled
// functions are kept, a bounded number, by the schema's text.

export const SCHEMA_MAX_BYTES = 64 * 1024;
/** Errors reported per validation: a payload that breaks every rule does not make a list of thousands. */
export const MAX_ERRORS = 20;
const CACHE_MAX = 500;

/** A schema that cannot be used, with why (the caller names the field). */
export class JsonSchemaError extends Error {}

const FORMATS = [
  "date",
  "time",
  "date-time",
  "duration",
  "uri",
  "uri-reference",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
  "json-pointer",
  "int32",
  "int64",
  "float",
  "double",
] as const;

let ajv: Ajv2020 | null = null;
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    addUsedSchema: false,
    logger: false,
    code: {
      regExp: Object.assign(
        (pattern: string, flags: string) => {
          const unsafe = unsafePatternReason(pattern);
          if (unsafe) throw new JsonSchemaError(`pattern "${pattern}" ${unsafe}`);
          return new RegExp(pattern, flags);
        },
        { code: "new RegExp" },
      ),
    },
  });
  addFormats(ajv, [...FORMATS]);
  return ajv;
}

/** One broken rule: where (`data.amount`, the root named by the caller) and what, the path included. */
export type TSchemaIssue = { path: string; message: string };

/** `/data/amount` → `data.amount`; the root is `data` (what the host publishes). */
function issueOf(e: ErrorObject, root: string): TSchemaIssue {
  const path = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  const where = [root, ...path].join(".");
  const extra = e.keyword === "additionalProperties" ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : "";
  const allowed = e.keyword === "enum" ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}` : "";
  return { path: where, message: `${where} ${e.message ?? "is not valid"}${allowed}${extra}` };
}

/** Ajv's errors as issues such as `data.amount must be number`, at most MAX_ERRORS (the last says how many more). */
export function describeErrors(errors: ErrorObject[] | null | undefined, root = "data"): TSchemaIssue[] {
  const issues = (errors ?? []).map((e) => issueOf(e, root));
  if (issues.length <= MAX_ERRORS) return issues;
  const more = issues.length - MAX_ERRORS + 1;
  return [...issues.slice(0, MAX_ERRORS - 1), { path: root, message: `… and ${more} more` }];
}

function hasKeyword(value: unknown, keyword: string, depth = 0): boolean {
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasKeyword(v, keyword, depth + 1));
  const o = value as Record<string, unknown>;
  if (o[keyword] === true) return true;
  return Object.values(o).some((v) => hasKeyword(v, keyword, depth + 1));
}

/** Validates a value; [] when it conforms, else what is wrong (`root` names the value). */
export type TValidator = (value: unknown, root?: string) => TSchemaIssue[];

const cache = new Map<string, TValidator>();

/**
 * Compiles a JSON Schema (2020-12 unless its $schema says another dialect Ajv 2020 knows), or throws
 * JsonSchemaError saying what is wrong with it. Compiled validators are reused by the schema's text.
 */
export function compileSchema(schema: unknown): TValidator {
  const text = JSON.stringify(schema);
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) throw new JsonSchemaError("must be a JSON Schema object");
  if (Buffer.byteLength(text) > SCHEMA_MAX_BYTES) throw new JsonSchemaError(`is ${Buffer.byteLength(text)} bytes; the limit is ${SCHEMA_MAX_BYTES}`);
  if (hasKeyword(schema, "uniqueItems")) throw new JsonSchemaError("uniqueItems is not supported (checking it costs the square of an array's length)");
  const a = instance();
  if (!a.validateSchema(schema))
    throw new JsonSchemaError(
      `is not a valid JSON Schema: ${describeErrors(a.errors, "schema")
        .map((i) => i.message)
        .join("; ")}`,
    );
  let fn: ValidateFunction;
  try {
    fn = a.compile(schema);
  } catch (error) {
    if (error instanceof JsonSchemaError) throw error;
    throw new JsonSchemaError(`cannot be compiled: ${(error as Error).message}`);
  } finally {
    a.removeSchema(schema as object);
  }
  const validator: TValidator = (value, root = "data") => (fn(value) ? [] : describeErrors(fn.errors, root));
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(text, validator);
  return validator;
}

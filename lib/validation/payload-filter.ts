import { z } from "zod";
import type { TIssue } from "../errors/domain-error";
import { EVENT_NAME_MAX } from "./event-type";
import { jsonValueProblem } from "./storable-json";

// A webhook's payload filter: which events create a delivery for it, decided on the event's envelope
// ({ id, event, timestamp, projectId, data }) when the outbox is written. A small JSON language, the
// same one MongoDB's and Convoy's users know, and nothing that can run long: no JavaScript, no
// regular expressions of the user's, bounded in depth and size. Checked here (the form and the
// handlers share it) and evaluated here (matchesFilter), by the publish just before its outbox
// statement and by the form's Try it. (A database function did it first, inside the statement: 50
// µs a webhook per event in PL/pgSQL, which cost publishing with 100 filtered webhooks more than half
// its speed; see docs/benchmarks.md.)
//
//   { "data.amount": { "$gt": 1000 }, "event": { "$in": ["deals.created", "deals.updated"] } }
//
// - Keys are dotted paths from the envelope: `event`, `projectId`, `data.owner.id`, `data.tags.0`.
//   A condition is a value (equal to it; for an array, containing it) or an object of operators:
//   $eq, $ne, $in, $nin, $exists (true/false), $gt, $gte, $lt, $lte (a number, or an ISO 8601 date
//   or date-time, compared as instants; a time without an offset is UTC).
// - $and and $or take a list of filters, $not one filter. Keys side by side must all hold.
// - A comparison with a value of another type, or with a missing value, does not match ($ne and
//   $nin do: the value is not that).

export const FILTER_MAX_BYTES = 8 * 1024;
export const FILTER_MAX_DEPTH = 6;
export const FILTER_MAX_CONDITIONS = 50;
export const FILTER_IN_MAX = 100;
const PATH_MAX_SEGMENTS = 10;
const LITERAL_MAX = 1_000;

export const FILTER_OPERATORS = ["$eq", "$ne", "$in", "$nin", "$exists", "$gt", "$gte", "$lt", "$lte"] as const;
const ORDERED = new Set(["$gt", "$gte", "$lt", "$lte"]);
const PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const ROOTS = new Set(["id", "event", "timestamp", "projectId", "data"]);
/** An ISO 8601 date or date-time, with an optional offset (the same pattern the database function uses). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

export type TScalar = string | number | boolean | null;
export type TPayloadFilter = { [key: string]: unknown };

const isScalar = (v: unknown): v is TScalar => v === null || ["string", "number", "boolean"].includes(typeof v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (Array.isArray(v) ? "a list" : v === null ? "null" : typeof v === "object" ? "an object" : `a ${typeof v}`);

/** An ISO 8601 date or date-time that names a real day and time (not 2026-02-30, not 25:00). */
export function isIsoInstant(s: string): boolean {
  if (!ISO_INSTANT.test(s)) return false;
  const [y, m, d, hh = 0, mm = 0, ss = 0] = (s.match(/\d+/g) ?? []).map(Number) as number[];
  const day = new Date(Date.UTC(y as number, (m as number) - 1, d as number));
  return day.getUTCMonth() === (m as number) - 1 && day.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60;
}

/** What is wrong with a filter: each issue names where (`filter.$or.1.data.amount.$gt`); [] when it is fine. */
export function checkFilter(filter: unknown, root = "filter"): TIssue[] {
  const issues: TIssue[] = [];
  let conditions = 0;
  const add = (path: string, message: string) => issues.push({ path, message: `${path}: ${message}` });

  const literal = (v: unknown, path: string) => {
    if (!isScalar(v)) return add(path, `compare with a string, number, true, false or null, not ${kindOf(v)}`);
    if (typeof v === "number" && !Number.isFinite(v)) return add(path, "must be a finite number");
    if (typeof v === "string" && v.length > LITERAL_MAX) add(path, `must be at most ${LITERAL_MAX} characters`);
  };

  const condition = (c: unknown, path: string) => {
    conditions++;
    if (!isPlainObject(c)) return literal(c, path);
    const ops = Object.entries(c);
    if (ops.length === 0) return add(path, "an empty condition matches nothing: give a value or an operator such as $eq");
    for (const [op, arg] of ops) {
      const at = `${path}.${op}`;
      if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
        add(at, `unknown operator; use one of ${FILTER_OPERATORS.join(", ")}`);
        continue;
      }
      if (op === "$exists") {
        if (typeof arg !== "boolean") add(at, "must be true or false");
      } else if (op === "$in" || op === "$nin") {
        if (!Array.isArray(arg) || arg.length === 0) add(at, "must be a non-empty list of values");
        else if (arg.length > FILTER_IN_MAX) add(at, `must list at most ${FILTER_IN_MAX} values`);
        else for (const [i, v] of arg.entries()) literal(v, `${at}.${i}`);
      } else if (ORDERED.has(op)) {
        const isNumber = typeof arg === "number" && Number.isFinite(arg);
        if (!isNumber && !(typeof arg === "string" && isIsoInstant(arg)))
          add(at, "must be a number or an ISO 8601 date, such as 2026-01-31 or 2026-01-31T12:00:00Z");
      } else literal(arg, at);
    }
  };

  const node = (f: unknown, path: string, depth: number) => {
    if (depth > FILTER_MAX_DEPTH) return add(path, `nests deeper than ${FILTER_MAX_DEPTH} levels`);
    if (!isPlainObject(f)) return add(path, `must be a JSON object of conditions, such as { "data.amount": { "$gt": 100 } }, not ${kindOf(f)}`);
    for (const [key, value] of Object.entries(f)) {
      const at = `${path}.${key}`;
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value) || value.length === 0) add(at, "must be a non-empty list of filters");
        else for (const [i, sub] of value.entries()) node(sub, `${at}.${i}`, depth + 1);
      } else if (key === "$not") node(value, at, depth + 1);
      else if (key.startsWith("$")) add(at, "unknown operator here; a filter's keys are paths such as data.amount, or $and, $or, $not");
      else if (!PATH.test(key) || key.split(".").length > PATH_MAX_SEGMENTS)
        add(at, `is not a path: dotted names such as data.owner.id, at most ${PATH_MAX_SEGMENTS} parts`);
      else if (!ROOTS.has(key.split(".")[0] as string)) add(at, "paths start at id, event, timestamp, projectId or data");
      else condition(value, at);
    }
  };

  const size = JSON.stringify(filter)?.length ?? 0;
  if (size > FILTER_MAX_BYTES) add(root, `is ${size} characters; the limit is ${FILTER_MAX_BYTES}`);
  else node(filter, root, 1);
  if (conditions > FILTER_MAX_CONDITIONS) add(root, `has ${conditions} conditions; the limit is ${FILTER_MAX_CONDITIONS}`);
  if (issues.length === 0 && isPlainObject(filter) && Object.keys(filter).length === 0) add(root, "is empty: leave the filter out to receive every event");
  return issues;
}

/** The filter field of the webhook schemas: an object in the language above, or null (no filter). */
export const ZPayloadFilter = z
  .unknown()
  .superRefine((value, ctx) => {
    // The message names the spot (filter.$or.1.data.amount); the issue belongs to the field as a whole.
    for (const issue of checkFilter(value, "filter")) ctx.addIssue({ code: "custom", message: issue.message });
  })
  .transform((v) => v as TPayloadFilter)
  .describe(
    'Only events whose envelope matches create deliveries: { "data.amount": { "$gt": 1000 } }. Paths from id, event, timestamp, projectId, data; operators $eq $ne $in $nin $exists $gt $gte $lt $lte, and $and $or $not (see the README)',
  );

/** POST /webhooks/try-filter: a filter tried on an event type's example, or on data pasted in its place. */
export const ZFilterTry = z
  .object({
    filter: ZPayloadFilter,
    event: z
      .string({ error: "Name the event type to try it on" })
      .trim()
      .min(1, { error: "Name the event type to try it on" })
      .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` }),
    projectId: z.string().max(200).nullish().describe("The envelope's projectId (default null)"),
    data: z
      .unknown()
      .superRefine((value, ctx) => {
        if (value === undefined) return;
        const problem = jsonValueProblem(value, "data");
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional()
      .describe("The event's data to try it on; absent: the event type's example"),
  })
  .strict();
export type TFilterTry = z.input<typeof ZFilterTry>;

export const ZFilterTryResult = z.object({
  matches: z.boolean().describe("Whether this event would create a delivery for a webhook with this filter"),
  envelope: z.record(z.string(), z.unknown()).describe("The envelope the filter was run on (id and timestamp made up for the try)"),
});
export type TFilterTryResult = z.infer<typeof ZFilterTryResult>;

/** A dotted path into the envelope (data.id), as filters use them: an in-order webhook's ordering key. */
export const ZEnvelopePath = z
  .string({ error: "Enter a path such as data.id" })
  .trim()
  .min(1, { error: "Enter a path such as data.id" })
  .max(200, { error: "A path is at most 200 characters" })
  .refine((p) => PATH.test(p) && p.split(".").length <= PATH_MAX_SEGMENTS, { error: "Write a dotted path such as data.id or data.deal.id" })
  .refine((p) => ROOTS.has(p.split(".")[0] as string), { error: "Paths start at id, event, timestamp, projectId or data" });

// ——— Evaluation (the outbox runs it for every event and filtered webhook: lib/delivery/publish-event.ts) ———

type TJson = unknown;
const isNumber = (v: TJson): v is number => typeof v === "number";

/** The value at a dotted path (numeric parts index arrays), or undefined when there is none. */
function valueAt(doc: TJson, path: string): TJson {
  let v: TJson = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(v)) {
      if (!/^\d+$/.test(part)) return undefined;
      v = v[Number(part)];
    } else if (isPlainObject(v)) v = Object.hasOwn(v, part) ? v[part] : undefined;
    else return undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** Equal to a literal (numbers as numbers: 1 equals 1.0), or an array that contains it. */
function isEqual(v: TJson, literal: TJson): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.some((item) => item === literal);
  return v === literal;
}

/** An ISO date or date-time as milliseconds (UTC without an offset), or null when it is not one. */
function instantOf(v: TJson): number | null {
  if (typeof v !== "string" || v.length > 40 || !isIsoInstant(v)) return null;
  const hasOffset = v.length > 10 && /(Z|[+-]\d{2}(:?\d{2})?)$/.test(v);
  let text = v.replace(" ", "T");
  if (!hasOffset) text = v.length === 10 ? `${text}T00:00:00Z` : `${text}Z`;
  else text = text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2").replace(/([+-]\d{2})$/, "$1:00");
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function compare(v: TJson, op: string, literal: TJson): boolean {
  let c: number;
  if (isNumber(literal)) {
    if (!isNumber(v)) return false;
    c = Math.sign(v - literal);
  } else {
    const a = instantOf(v);
    const b = instantOf(literal);
    if (a === null || b === null) return false;
    c = Math.sign(a - b);
  }
  return op === "$gt" ? c > 0 : op === "$gte" ? c >= 0 : op === "$lt" ? c < 0 : op === "$lte" ? c <= 0 : false;
}

function holds(condition: TJson, v: TJson): boolean {
  if (!isPlainObject(condition)) return isEqual(v, condition);
  return Object.entries(condition).every(([op, arg]) => {
    if (op === "$eq") return isEqual(v, arg);
    if (op === "$ne") return !isEqual(v, arg);
    if (op === "$in") return Array.isArray(arg) && arg.some((a) => isEqual(v, a));
    if (op === "$nin") return !(Array.isArray(arg) && arg.some((a) => isEqual(v, a)));
    if (op === "$exists") return (v !== undefined) === (arg === true);
    if (ORDERED.has(op)) return compare(v, op, arg);
    return false; // refused on save; never matches
  });
}

/**
 * Whether an envelope ({ id, event, timestamp, projectId, data }) matches a filter that checkFilter
 * accepted. Linear in the filter's size (bounded on save) and in the paths it reads; no
 * regular expression of the user's, nothing that can run long.
 */
export function matchesFilter(filter: TPayloadFilter, envelope: TJson): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === "$and") return Array.isArray(value) && value.every((f) => isPlainObject(f) && matchesFilter(f, envelope));
    if (key === "$or") return Array.isArray(value) && value.some((f) => isPlainObject(f) && matchesFilter(f, envelope));
    if (key === "$not") return !(isPlainObject(value) && matchesFilter(value, envelope));
    return holds(value, valueAt(envelope, key));
  });
}

// What PostgreSQL cannot store, found before it is asked to: a NUL character (text and jsonb
// refuse U+0000: 22021 / 22P05), a lone UTF-16 surrogate (not a character; JSON.parse lets
// "\ud800" through, PostgreSQL refuses it), and nesting so deep that walking it overflows a
// stack. Browser-safe and dependency-free, so forms and the API share it.

export const MAX_JSON_DEPTH = 64;

export type TUnstorable = { path: string; message: string };

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null. */
export function unstorableStringReason(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain a NUL character (\\u0000)";
  if (LONE_SURROGATE.test(value)) return "must not contain an unpaired UTF-16 surrogate (not valid Unicode)";
  return null;
}

/**
 * The first place in a parsed JSON value that cannot be stored, with its dotted path
 * ("events.3.data.name"), or null. Keys are checked like values. Iterative, so that the depth
 * check itself cannot overflow.
 */
export function findUnstorable(root: unknown, maxDepth = MAX_JSON_DEPTH): TUnstorable | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    const at = path.join(".");
    if (typeof value === "string") {
      const reason = unstorableStringReason(value);
      if (reason) return { path: at, message: `${at || "body"} ${reason}` };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= maxDepth) return { path: at, message: `${at || "body"} is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      const reason = unstorableStringReason(key);
      if (reason) return { path: [...path, key].join("."), message: `The key ${JSON.stringify(key)} ${reason}` };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonValue);
  return false;
}

/**
 * Why a value cannot be stored as JSON, in words naming it (`data.name: must not contain…`), or
 * null. Depth, NUL and lone surrogates first (iteratively), so that the plain-JSON walk's recursion
 * is bounded: what an in-process caller passes gets the refusals the API's body reader gives.
 */
export function jsonValueProblem(value: unknown, name: string): string | null {
  const unstorable = findUnstorable(value);
  if (unstorable) return `${name}${unstorable.path ? `.${unstorable.path}` : ""}: ${unstorable.message}`;
  if (!isJsonValue(value)) return `${name} must be plain JSON (objects, arrays, strings, numbers, booleans, null)`;
  return null;
}

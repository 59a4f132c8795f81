import type { TFieldChange } from "../validation/audit";

/**
 * The fields that differ between two versions of a row, for an audit entry: { field: { from, to } }.
 * Secret fields say only "changed" (their values, sealed or not, never reach the log). Arrays and
 * dates compare by value.
 */
export function diffFields<R extends Record<string, unknown>>(
  before: R,
  after: R,
  fields: readonly (keyof R & string)[],
  secrets: readonly (keyof R & string)[] = [],
): Record<string, TFieldChange> {
  const out: Record<string, TFieldChange> = {};
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  for (const field of fields) {
    const from = plain(before[field]);
    const to = plain(after[field]);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    out[field] = secrets.includes(field) ? "changed" : { from: from ?? null, to: to ?? null };
  }
  return out;
}

// An audit entry's changed fields in words (browser-safe, pure: tests/components/audit/audit-changes.test.ts).

const MAX_VALUE = 80;

/** A value as the log shows it: short, quoted when text, a list joined. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueText).join(", ");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Each change as one line: "url: https://a → https://b", "token: changed", "requeued: 3". */
export function changeLines(changes: Record<string, unknown> | null): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, change]) => {
    if (change === "changed") return `${field}: changed`;
    if (change && typeof change === "object" && !Array.isArray(change) && "from" in change && "to" in change)
      return `${field}: ${valueText((change as { from: unknown }).from)} → ${valueText((change as { to: unknown }).to)}`;
    return `${field}: ${valueText(change)}`;
  });
}

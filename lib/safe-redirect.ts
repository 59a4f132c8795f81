/** A same-site path to return to after sign-in; anything else (absolute, //host, \\host) → fallback. */
export function safeReturnPath(value: unknown, fallback = "/settings"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  if (value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

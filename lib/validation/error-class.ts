// Why an attempt failed, as recorded on it and shown everywhere an outcome is shown (browser-safe).

export const ERROR_CLASSES = ["timeout", "connect", "dns", "ssrf_blocked", "tls", "http_status", "redirect", "body_too_large"] as const;
export type TErrorClass = (typeof ERROR_CLASSES)[number];

export const ERROR_CLASS_LABELS: Record<TErrorClass, string> = {
  timeout: "Timed out",
  connect: "Connection failed",
  dns: "DNS lookup failed",
  ssrf_blocked: "Blocked address",
  tls: "TLS error",
  http_status: "Error status",
  redirect: "Redirect (not followed)",
  body_too_large: "Response too large",
};

/** A recorded class's label; an unknown one (from a newer version) as it is. */
export function errorClassLabel(errorClass: string): string {
  return ERROR_CLASS_LABELS[errorClass as TErrorClass] ?? errorClass;
}

/** One attempt's outcome in a few words: "HTTP 200", "Error status · HTTP 500", "Timed out". */
export function describeOutcome({ statusCode, errorClass }: { statusCode?: number | null; errorClass?: string | null }): string {
  const status = statusCode != null ? `HTTP ${statusCode}` : "";
  if (!errorClass) return status || "No answer";
  return status ? `${errorClassLabel(errorClass)} · ${status}` : errorClassLabel(errorClass);
}

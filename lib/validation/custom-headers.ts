import { z } from "zod";

// A webhook's own headers, sent on every request (its deliveries, Test, Send example, recovery
// probes): what a receiver behind a gateway needs (an API key, a tenant id). Shared by the form and
// the handlers. Names Hookline sets itself are refused, so a header can never replace a signature,
// the body's type or length, or basic auth; names and values are checked for HTTP syntax (a CR or LF
// would let a value start a header of its own).

export const CUSTOM_HEADERS_MAX = 20;
export const HEADER_NAME_MAX = 100;
export const HEADER_VALUE_MAX = 2_000;
/** Shown in place of a secret value, which is never sent back. */
export const SECRET_MASK = "••••••";

/** Set by Hookline on every request, or hop-by-hop (owned by the connection, not the message). */
export const RESERVED_HEADERS = [
  "content-type",
  "content-length",
  "user-agent",
  "host",
  "event",
  "delivery",
  "signature",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "x-twenty-webhook-signature",
  "x-twenty-webhook-timestamp",
  "x-twenty-webhook-nonce",
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "expect",
] as const;
const RESERVED = new Set<string>(RESERVED_HEADERS);

// RFC 9110 field-name (token) and field-value (visible ASCII, spaces and tabs inside; no CR, LF or NUL).
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\x21-\x7e]([\t\x20-\x7e]*[\x21-\x7e])?$/;

export const ZHeaderName = z
  .string({ error: "Enter a header name" })
  .trim()
  .min(1, { error: "Enter a header name" })
  .max(HEADER_NAME_MAX, { error: `Header name must be at most ${HEADER_NAME_MAX} characters` })
  .regex(TOKEN, { error: "Header names use letters, digits and - (no spaces or colons), such as X-Api-Key" })
  .superRefine((n, ctx) => {
    if (RESERVED.has(n.toLowerCase())) ctx.addIssue({ code: "custom", message: `${n} is set by Hookline itself (or by the connection): pick another name` });
  });

export const ZCustomHeader = z
  .object({
    name: ZHeaderName,
    /** Omitted (or null) on a secret header when editing: the stored value stays. */
    value: z.string({ error: "A header's value is text" }).trim().nullish(),
    isSecret: z.boolean({ error: "isSecret must be true or false" }).default(false),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (typeof h.value !== "string") return;
    const problem =
      h.value.length > HEADER_VALUE_MAX
        ? `must be at most ${HEADER_VALUE_MAX} characters`
        : h.value !== "" && !FIELD_VALUE.test(h.value)
          ? "must be printable characters on one line (no line breaks or control characters)"
          : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: `The value of ${h.name} ${problem}` });
  });
export type TCustomHeaderInput = z.input<typeof ZCustomHeader>;

export const ZCustomHeaders = z
  .array(ZCustomHeader, { error: "headers must be a list of { name, value, isSecret }" })
  .max(CUSTOM_HEADERS_MAX, { error: `At most ${CUSTOM_HEADERS_MAX} headers` })
  .superRefine((headers, ctx) => {
    const seen = new Set<string>();
    headers.forEach((h, i) => {
      const key = h.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `${h.name} is listed twice` });
      seen.add(key);
      if (!h.isSecret && !h.value) ctx.addIssue({ code: "custom", path: [i, "value"], message: `Enter a value for ${h.name}` });
    });
  })
  .describe("Headers sent on every request, at most 20. A secret value is stored encrypted and never shown again: send it without a value to keep it");

/** As the API shows it: a secret's value is null. */
export const ZCustomHeaderOut = z.object({ name: z.string(), value: z.string().nullable().describe("null when secret"), isSecret: z.boolean() });
export type TCustomHeaderOut = z.infer<typeof ZCustomHeaderOut>;

/** Authorization is Hookline's own when the webhook has basic auth. */
export function authorizationClash(headers: readonly { name: string }[], hasBasicAuth: boolean): number {
  return hasBasicAuth ? headers.findIndex((h) => h.name.toLowerCase() === "authorization") : -1;
}

import { parse as parsePgUrl } from "pg-connection-string";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "../validation/password-policy";
import { parseAllowList } from "./allow-list";

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "1m,5m,10m" → [60000, 300000, 600000]; the delivery worker's retry delays. */
export function parseDurationList(value: string): number[] | null {
  const parts = value.split(",").map((p) => p.trim());
  const out: number[] = [];
  for (const part of parts) {
    const m = DURATION.exec(part);
    if (!m) return null;
    out.push(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
  }
  return out;
}

/** postgres://user@host:5432/db, or the socket form postgresql://user@/db?host=/var/run/postgresql. */
export function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\/[^/]*\/[^/?]+/.test(value)) return false;
  try {
    const parsed = parsePgUrl(value);
    return Boolean(parsed.host && parsed.database);
  } catch {
    return false;
  }
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .default(fallback),
  );

/** An absolute http(s) origin (scheme, host, port; a trailing slash is fine) in its serialized form, or null. */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.pathname !== "/" || /[?#]/.test(value)) return null;
  return url.origin;
}

/** 32 bytes for AES-256-GCM, written as 64 hex characters or base64. */
export function decodeSecretKey(value: string): Buffer | null {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return key.length === 32 ? key : null;
}

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: intInRange(1, 65_535, 3000),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((v) => isPostgresUrl(v), {
          error: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
        })
        .optional(),
    ),
    HOOKLINE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data")),
    HOOKLINE_SECRET_KEY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((v) => decodeSecretKey(v) !== null, {
          error: "must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)",
        })
        .optional(),
    ),
    NEXTAUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, { error: "must be at least 32 characters (openssl rand -base64 32)" }).optional()),
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, { error: "must be at least 32 characters (openssl rand -base64 32)" }).optional()),
    NEXTAUTH_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" }).optional()),
    /** The app's public origin: the OAuth issuer, and later links in emails and sign-in links (lib/http/public-origin.ts). */
    HOOKLINE_PUBLIC_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((value, ctx) => {
          const origin = parseOrigin(value.trim());
          if (origin) return origin;
          ctx.addIssue({ code: "custom", message: "must be the app's public origin, such as https://hooks.example.com (http or https, no path)" });
          return z.NEVER;
        })
        .optional(),
    ),
    /**
     * Origins allowed to frame the settings pages (a host product embedding Settings → Webhooks in
     * its own app), comma- or space-separated; absent = none may (lib/http/security-headers.ts).
     */
    HOOKLINE_FRAME_ANCESTORS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((value, ctx) => {
          const origins = value.split(/[\s,]+/).filter(Boolean);
          const parsed = origins.map((o) => parseOrigin(o));
          const bad = origins.find((_, i) => !parsed[i]);
          if (bad === undefined && origins.length > 0) return parsed as string[];
          ctx.addIssue({ code: "custom", message: `must be origins such as https://app.example.com, separated by commas (not "${bad ?? value}")` });
          return z.NEVER;
        })
        .optional(),
    ),
    ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email({ error: "must be an email address" }).optional()),
    ADMIN_PASSWORD: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
        .max(256, { error: "must be at most 256 characters" })
        .optional(),
    ),
    HOOKLINE_ALLOWED_TARGETS: optionalString.superRefine((v, ctx) => {
      try {
        parseAllowList(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message}` });
      }
    }),
    HOOKLINE_RETRY_SCHEDULE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default("1m,5m,10m")
        .refine((v) => parseDurationList(v) !== null, {
          error: "must be a comma-separated list of durations such as 1m,5m,10m (units ms, s, m, h)",
        }),
    ),
    HOOKLINE_TIMEOUT_MS: intInRange(100, 60_000, 5_000),
    HOOKLINE_FAILURE_LIMIT: intInRange(1, 1_000, 10),
    HOOKLINE_RETENTION_DAYS: intInRange(1, 3_650, 30),
    /** How long the audit log keeps entries (days). */
    HOOKLINE_AUDIT_RETENTION_DAYS: intInRange(1, 36_500, 365),
    /** Publishing data that breaks its type's JSON Schema: refused (400), delivered with the errors shown, or not checked. */
    HOOKLINE_VALIDATE_PAYLOADS: z.preprocess(emptyToUndefined, z.enum(["reject", "warn", "off"], { error: "must be reject, warn or off" }).default("warn")),
    HOOKLINE_MAX_PAYLOAD_BYTES: intInRange(1_024, 16 * 1024 * 1024, 256 * 1024),
    /** Largest request body any route accepts (scripts/serve.ts and the API wrapper); default: see maxBodyBytes. */
    HOOKLINE_MAX_BODY_BYTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int()
        .min(16 * 1024)
        .max(64 * 1024 * 1024)
        .optional(),
    ),
    /** Bytes of request bodies all connections together may hold before they are answered; default: see bodyBudgetBytes. */
    HOOKLINE_BODY_BUDGET_BYTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "must be a whole number" })
        .int({ error: "must be a whole number" })
        .min(64 * 1024, { error: `must be at least ${64 * 1024}` })
        .max(16 * 1024 * 1024 * 1024, { error: `must be at most ${16 * 1024 * 1024 * 1024}` })
        .optional(),
    ),
    /** A request body that sends nothing for this long is answered 408 and its connection closed. */
    HOOKLINE_BODY_IDLE_MS: intInRange(100, 600_000, 10_000),
    /** Open connections one peer address may hold; 0: no limit. Not applied behind HOOKLINE_TRUST_PROXY proxies. */
    HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS: intInRange(0, 100_000, 64),
    HOOKLINE_MAX_BATCH_EVENTS: intInRange(1, 10_000, 500),
    HOOKLINE_WORKER_CONCURRENCY: intInRange(1, 1_000, 64),
    HOOKLINE_LEASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1_000).max(3_600_000).optional()),
    HOOKLINE_WORKER: z.preprocess(emptyToUndefined, z.enum(["embedded", "off"]).default("embedded")),
    // How long a stop (SIGTERM) waits for requests and deliveries in progress before it releases the
    // rest for another worker and exits.
    HOOKLINE_SHUTDOWN_GRACE_MS: intInRange(0, 600_000, 10_000),
    HOOKLINE_TRUST_PROXY: intInRange(0, 10, 0),
    /** The bearer token GET /metrics wants; unset, metrics are off (404). */
    HOOKLINE_METRICS_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string().min(16, { error: "must be at least 16 characters (it guards the metrics)" }).max(512, { error: "must be at most 512 characters" }).optional(),
    ),
    /** npm run worker serves /metrics on this port when set (and HOOKLINE_METRICS_TOKEN is). */
    HOOKLINE_METRICS_PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a port number" }).int().min(1).max(65_535).optional()),
    /** The address the worker's metrics port listens on; 0.0.0.0 for a Prometheus on another machine. */
    HOOKLINE_METRICS_HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
    /** on: a workspace label on the metrics that have one (a series per workspace: mind their number). */
    HOOKLINE_METRICS_BY_WORKSPACE: z.preprocess(emptyToUndefined, z.enum(["on", "off"], { error: "must be on or off" }).default("off")),
    /** Where emails to admins go out (smtp:// or smtps://, with user:password@ when needed); unset, email is off. */
    SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
    /** The From of those emails. */
    HOOKLINE_MAIL_FROM: z.preprocess(emptyToUndefined, z.string().max(320).default("Hookline <hookline@localhost>")),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL";
      ctx.addIssue({ code: "custom", path: [missing], message: "must be set together with the other of ADMIN_EMAIL / ADMIN_PASSWORD" });
    }
    // With a shared PostgreSQL there may be many app processes on many machines: a key generated
    // into one machine's data directory would differ on the next, so it must come from the env.
    if (env.HOOKLINE_LEASE_MS !== undefined && env.HOOKLINE_LEASE_MS <= env.HOOKLINE_TIMEOUT_MS) {
      ctx.addIssue({ code: "custom", path: ["HOOKLINE_LEASE_MS"], message: "must be longer than HOOKLINE_TIMEOUT_MS (a lease must outlast an attempt)" });
    }
    if (env.HOOKLINE_MAX_BODY_BYTES !== undefined && env.HOOKLINE_MAX_BODY_BYTES < env.HOOKLINE_MAX_PAYLOAD_BYTES) {
      ctx.addIssue({
        code: "custom",
        path: ["HOOKLINE_MAX_BODY_BYTES"],
        message: "must be at least HOOKLINE_MAX_PAYLOAD_BYTES (an event's data must fit in a request)",
      });
    }
    if (env.HOOKLINE_BODY_BUDGET_BYTES !== undefined && env.HOOKLINE_BODY_BUDGET_BYTES < maxBodyBytes(env)) {
      ctx.addIssue({
        code: "custom",
        path: ["HOOKLINE_BODY_BUDGET_BYTES"],
        message: `must be at least the largest request body (${maxBodyBytes(env)} bytes, HOOKLINE_MAX_BODY_BYTES), or no such body could ever be read`,
      });
    }
    // Both name this site's public address; two different ones would send sign-ins one place and
    // OAuth clients another.
    const nextAuthOrigin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;
    if (env.HOOKLINE_PUBLIC_URL && nextAuthOrigin && nextAuthOrigin !== env.HOOKLINE_PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["HOOKLINE_PUBLIC_URL"], message: `must be NEXTAUTH_URL's origin (${nextAuthOrigin}) when both are set` });
    }
    // Framed pages need SameSite=None cookies, which browsers keep only when Secure, i.e. over https.
    const siteUrl = env.HOOKLINE_PUBLIC_URL ?? env.NEXTAUTH_URL;
    if (env.HOOKLINE_FRAME_ANCESTORS && !siteUrl?.startsWith("https://")) {
      ctx.addIssue({
        code: "custom",
        path: ["HOOKLINE_FRAME_ANCESTORS"],
        message: "needs the site served over https (HOOKLINE_PUBLIC_URL or NEXTAUTH_URL https://…): a framed page's cookies must be SameSite=None; Secure",
      });
    }
    // A malformed DATABASE_URL is already reported; asking for its companions too would bury that.
    const hasDatabaseUrl = env.DATABASE_URL !== undefined && isPostgresUrl(env.DATABASE_URL);
    if (hasDatabaseUrl && !env.HOOKLINE_SECRET_KEY) {
      ctx.addIssue({ code: "custom", path: ["HOOKLINE_SECRET_KEY"], message: "is required when DATABASE_URL is set (openssl rand -hex 32)" });
    }
    if (hasDatabaseUrl && !env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "(or NEXTAUTH_SECRET) is required when DATABASE_URL is set (openssl rand -base64 32)" });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

/** The request-body cap: HOOKLINE_MAX_BODY_BYTES, or 1 MiB, raised to fit the largest event payload plus its envelope. */
export function maxBodyBytes(env: Pick<TEnv, "HOOKLINE_MAX_BODY_BYTES" | "HOOKLINE_MAX_PAYLOAD_BYTES">): number {
  return env.HOOKLINE_MAX_BODY_BYTES ?? Math.max(1024 * 1024, env.HOOKLINE_MAX_PAYLOAD_BYTES + 64 * 1024);
}

/**
 * The total of request bodies held at once, before they are answered (lib/http/body-budget.ts):
 * HOOKLINE_BODY_BUDGET_BYTES, or 32 MiB, raised to four of the largest bodies. 32 MiB is a few
 * percent of what the embedded server uses anyway, yet holds thousands of ordinary publishes (a few
 * KiB each) or 32 bodies at the default 1 MiB cap; four at least, so a raised cap still admits some
 * uploads side by side.
 */
export function bodyBudgetBytes(env: Pick<TEnv, "HOOKLINE_BODY_BUDGET_BYTES" | "HOOKLINE_MAX_BODY_BYTES" | "HOOKLINE_MAX_PAYLOAD_BYTES">): number {
  return env.HOOKLINE_BODY_BUDGET_BYTES ?? Math.max(32 * 1024 * 1024, 4 * maxBodyBytes(env));
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError whose message is one line naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`);
  throw new ConfigError(`Configuration error: ${problems.join("; ")}`);
}

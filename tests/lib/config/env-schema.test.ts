import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bodyBudgetBytes, ConfigError, decodeSecretKey, parseDurationList, parseEnv, ZEnv } from "@/lib/config/env-schema";

const KEY = "a".repeat(64);
const AUTH = "s".repeat(40);

function errorOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment (embedded mode)", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOOKLINE_DATA_DIR: "./.data",
      HOOKLINE_RETRY_SCHEDULE: "1m,5m,10m",
      HOOKLINE_TIMEOUT_MS: 5000,
      HOOKLINE_FAILURE_LIMIT: 10,
      HOOKLINE_RETENTION_DAYS: 30,
      HOOKLINE_WORKER: "embedded",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: " " }).PORT).toBe(3000);
  });

  it("names DATABASE_URL when it is not a postgres URL", () => {
    expect(errorOf({ DATABASE_URL: "nonsense" })).toBe(
      "Configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
    );
    expect(errorOf({ DATABASE_URL: "mysql://x@y/z" })).toContain("DATABASE_URL");
    expect(errorOf({ DATABASE_URL: "postgres://localhost" })).toContain("DATABASE_URL");
  });

  it("requires the secret key and the auth secret with DATABASE_URL", () => {
    const message = errorOf({ DATABASE_URL: "postgres://u@localhost:5432/db" });
    expect(message).toContain("HOOKLINE_SECRET_KEY is required when DATABASE_URL is set");
    expect(message).toContain("AUTH_SECRET");
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db", HOOKLINE_SECRET_KEY: KEY, AUTH_SECRET: AUTH }).DATABASE_URL).toBe(
      "postgres://u@localhost:5432/db",
    );
  });

  it("accepts the socket form of a PostgreSQL URL", () => {
    const url = "postgresql://postgres@/test?host=/var/run/postgresql";
    expect(parseEnv({ DATABASE_URL: url, HOOKLINE_SECRET_KEY: KEY, AUTH_SECRET: AUTH }).DATABASE_URL).toBe(url);
  });

  it("rejects a short ADMIN_PASSWORD and a lone ADMIN_EMAIL", () => {
    expect(errorOf({ ADMIN_EMAIL: "a@b.co", ADMIN_PASSWORD: "short" })).toBe("Configuration error: ADMIN_PASSWORD must be at least 12 characters");
    expect(errorOf({ ADMIN_EMAIL: "a@b.co" })).toContain("ADMIN_PASSWORD must be set together");
    expect(errorOf({ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "long-enough-password" })).toContain("ADMIN_EMAIL must be an email address");
  });

  it("checks numbers, enums and the retry schedule", () => {
    expect(errorOf({ PORT: "70000" })).toContain("PORT must be at most 65535");
    expect(errorOf({ PORT: "abc" })).toContain("PORT must be a whole number");
    expect(errorOf({ HOOKLINE_WORKER: "sometimes" })).toContain("HOOKLINE_WORKER");
    expect(errorOf({ HOOKLINE_RETRY_SCHEDULE: "1m,soon" })).toContain("HOOKLINE_RETRY_SCHEDULE must be a comma-separated list");
    expect(errorOf({ HOOKLINE_SECRET_KEY: "too-short" })).toContain("HOOKLINE_SECRET_KEY must be 32 bytes");
    expect(errorOf({ AUTH_SECRET: "short" })).toContain("AUTH_SECRET must be at least 32 characters");
  });

  it("bounds what the front door holds: a body budget that fits the largest body, an idle limit, connections per address", () => {
    const MiB = 1024 * 1024;
    const env = parseEnv({});
    expect(env).toMatchObject({ HOOKLINE_BODY_IDLE_MS: 10_000, HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS: 64 });
    expect(bodyBudgetBytes(env)).toBe(32 * MiB);
    // A raised cap raises the default budget to four such bodies; an explicit budget is kept.
    expect(bodyBudgetBytes(parseEnv({ HOOKLINE_MAX_BODY_BYTES: String(16 * MiB) }))).toBe(64 * MiB);
    expect(bodyBudgetBytes(parseEnv({ HOOKLINE_BODY_BUDGET_BYTES: String(2 * MiB) }))).toBe(2 * MiB);
    expect(errorOf({ HOOKLINE_BODY_BUDGET_BYTES: String(MiB - 1) })).toContain(
      "HOOKLINE_BODY_BUDGET_BYTES must be at least the largest request body (1048576 bytes",
    );
    expect(errorOf({ HOOKLINE_BODY_IDLE_MS: "50" })).toContain("HOOKLINE_BODY_IDLE_MS must be at least 100");
    expect(errorOf({ HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS: "-1" })).toContain("HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS must be at least 0");
    expect(parseEnv({ HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS: "0" }).HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS).toBe(0);
  });

  it("HOOKLINE_PUBLIC_URL: an absolute http(s) origin, kept in its serialized form, agreeing with NEXTAUTH_URL", () => {
    expect(parseEnv({ HOOKLINE_PUBLIC_URL: "https://Hooks.Example.com:443/" }).HOOKLINE_PUBLIC_URL).toBe("https://hooks.example.com");
    expect(parseEnv({ HOOKLINE_PUBLIC_URL: "http://10.0.0.5:3000" }).HOOKLINE_PUBLIC_URL).toBe("http://10.0.0.5:3000");
    expect(parseEnv({ HOOKLINE_PUBLIC_URL: "" }).HOOKLINE_PUBLIC_URL).toBeUndefined();
    for (const bad of [
      "hooks.example.com",
      "ftp://hooks.example.com",
      "https://hooks.example.com/app",
      "https://u:p@hooks.example.com",
      "https://h.example/?x=1",
      "https://h.example/#x",
    ])
      expect(errorOf({ HOOKLINE_PUBLIC_URL: bad }), bad).toContain("HOOKLINE_PUBLIC_URL must be the app's public origin");
    expect(parseEnv({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com", NEXTAUTH_URL: "https://hooks.example.com/api/auth" }).HOOKLINE_PUBLIC_URL).toBe(
      "https://hooks.example.com",
    );
    expect(errorOf({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com", NEXTAUTH_URL: "http://localhost:3000" })).toContain(
      "HOOKLINE_PUBLIC_URL must be NEXTAUTH_URL's origin (http://localhost:3000)",
    );
  });

  it("puts every problem on one line", () => {
    const message = errorOf({ PORT: "0", DATABASE_URL: "x" });
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL");
  });
});

describe("parseDurationList", () => {
  it("turns a schedule into milliseconds", () => {
    expect(parseDurationList("1m,5m,10m")).toEqual([60_000, 300_000, 600_000]);
    expect(parseDurationList("500ms, 2s,1h")).toEqual([500, 2_000, 3_600_000]);
  });
  it("refuses what it cannot read", () => {
    expect(parseDurationList("1m,,5m")).toBeNull();
    expect(parseDurationList("5 minutes")).toBeNull();
    expect(parseDurationList("-1m")).toBeNull();
  });
});

describe("decodeSecretKey", () => {
  it("accepts 32 bytes as hex or base64 only", () => {
    expect(decodeSecretKey(KEY)?.length).toBe(32);
    expect(decodeSecretKey(Buffer.alloc(32, 7).toString("base64"))?.length).toBe(32);
    expect(decodeSecretKey(Buffer.alloc(16).toString("base64"))).toBeNull();
    expect(decodeSecretKey("abc")).toBeNull();
  });
});

describe(".env.example", () => {
  it("lists every variable the schema reads, each with a comment", () => {
    const text = fs.readFileSync(".env.example", "utf8");
    // ZEnv is an object with a refinement on top; its keys are the object's.
    const keys = Object.keys(ZEnv.shape).filter((k) => k !== "NODE_ENV");
    expect(keys.length).toBeGreaterThan(10);
    // A comment block, then the variable (possibly after siblings that share the block).
    for (const key of keys) expect(text, key).toMatch(new RegExp(`#[^\n]*\n(#[^\n]*\n)*([A-Z_]+=[^\n]*\n)*${key}=`));
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-secrets-"));
  vi.resetModules(); // instanceSecrets() and env() cache per module instance
  // vitest.config.ts sets both for the other tests; here they start unset.
  vi.stubEnv("AUTH_SECRET", "");
  vi.stubEnv("HOOKLINE_SECRET_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function load() {
  return (await import("@/lib/instance-secrets")).instanceSecrets();
}

describe("instanceSecrets", () => {
  it("generates the secrets once into the data directory (0600) and reads them back", async () => {
    vi.stubEnv("HOOKLINE_DATA_DIR", dataDir);
    const first = await load();
    const file = path.join(dataDir, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.encryptionKey).toHaveLength(32);
    vi.resetModules();
    const second = await load();
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
  });

  it("prefers the env and then writes nothing", async () => {
    vi.stubEnv("HOOKLINE_DATA_DIR", path.join(dataDir, "unused"));
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("HOOKLINE_SECRET_KEY", "ab".repeat(32));
    const secrets = await load();
    expect(secrets.authSecret).toBe("x".repeat(40));
    expect(secrets.encryptionKey.toString("hex")).toBe("ab".repeat(32));
    expect(fs.existsSync(path.join(dataDir, "unused"))).toBe(false);
  });

  it("refuses a damaged secrets file instead of silently replacing the key", async () => {
    vi.stubEnv("HOOKLINE_DATA_DIR", dataDir);
    fs.writeFileSync(path.join(dataDir, "secrets.json"), '{"authSecret":"a"}');
    await expect(load()).rejects.toThrow(/is damaged/);
  });

  it("says the same of a secrets file that is not JSON at all (a truncated write)", async () => {
    vi.stubEnv("HOOKLINE_DATA_DIR", dataDir);
    fs.writeFileSync(path.join(dataDir, "secrets.json"), '{"authSecret": "abc", "encr');
    await expect(load()).rejects.toThrow(/secrets\.json is damaged: restore it from a backup/);
    expect(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")).toBe('{"authSecret": "abc", "encr');
  });
});

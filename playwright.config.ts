import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Drives the production build (`npm start` builds it when the sources changed) in Debian's Chromium:
// no browser is ever downloaded. The server gets its own data directory, wiped on every run.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.join(os.tmpdir(), `hookline-e2e-${PORT}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const E2E = {
  admin: { email: "admin@e2e.test", password: "admin-password-e2e" },
  member: { email: "member@e2e.test", password: "member-password-e2e" },
  /** An admin of its own for Settings → Account, whose password and sessions that test changes. */
  account: { email: "account@e2e.test", password: "account-password-e2e" },
  /** Made an API key and an OAuth app, then was demoted (tests/e2e/seed-former-admin.ts); their secrets are in `secretsFile`. */
  formerAdmin: { email: "former-admin@e2e.test", secretsFile: path.join(DATA_DIR, "e2e-former-admin.json") },
};

const CHROME = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };
/** Files matching one of these names: `spec(["auth"])` is tests/e2e/auth.spec.ts. */
const spec = (names: string[]) => new RegExp(`/(${names.join("|")})\\.spec\\.ts$`);
// The specs share one server and its Default workspace; these lists say which may not run beside
// another. A fresh installation (no webhooks, no administrative key), one at a time: auth signs the
// admin out.
const FIRST = spec(["admin-api-key", "auth"]);
const OWN_PROCESSES = spec(["start"]); // servers of its own, each with its own data
// Publish the same built-in event types, count the log or the webhook list, or read the audit log:
// they would see each other's rows, so they run one at a time (beside the rest).
const SHARED = spec([
  "api-keys",
  "audit",
  "day-one",
  "deliveries",
  "events",
  "honest-state",
  "live",
  "notices",
  "overview",
  "parked",
  "subscriptions",
  "walk",
  "webhooks",
]);
// Signing out ends every session of that user (sessionVersion), the other worker's too; filling the
// server's body budget on purpose refuses the other worker's requests.
const ALONE = spec(["hardening", "security-headers"]);

export default defineConfig({
  testDir: "tests/e2e",
  // Two files at a time on one server (see the projects below for which may share it).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    // Off: recording a trace (a screencast and DOM snapshots of every step) was a third of the
    // browser's CPU. To debug a failure, run the spec again with `--trace retain-on-failure`.
    trace: "off",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "first", testMatch: FIRST, workers: 1, use: CHROME },
    // After "first" as the others are: Playwright starts a project only once every project of the
    // step before it has finished, so one long spec there would hold everything up.
    { name: "own-processes", testMatch: OWN_PROCESSES, dependencies: ["first"], use: CHROME },
    { name: "shared", testMatch: SHARED, dependencies: ["first"], workers: 1, use: CHROME },
    { name: "independent", testIgnore: [FIRST, OWN_PROCESSES, SHARED, ALONE], dependencies: ["first"], use: CHROME },
    { name: "alone", testMatch: ALONE, dependencies: ["own-processes", "shared", "independent"], workers: 1, use: CHROME },
  ],
  webServer: {
    // Both users are made with the CLI before the server takes the embedded database's lock (the
    // ADMIN_EMAIL path only applies to an empty database: tests/lib/server/users/ensure-first-admin.test.ts).
    command: [
      `rm -rf ${DATA_DIR}`,
      `printf '%s\\n' '${E2E.admin.password}' | node scripts/launch.mjs cli user create --admin --email ${E2E.admin.email} --password-stdin`,
      `printf '%s\\n' '${E2E.member.password}' | node scripts/launch.mjs cli user create --email ${E2E.member.email} --password-stdin`,
      `printf '%s\\n' '${E2E.account.password}' | node scripts/launch.mjs cli user create --admin --email ${E2E.account.email} --password-stdin`,
      `npx tsx --conditions=react-server tests/e2e/seed-former-admin.ts ${E2E.formerAdmin.email} ${E2E.formerAdmin.secretsFile}`,
      "npm start",
    ].join(" && "),
    url: `${BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOOKLINE_DATA_DIR: DATA_DIR,
      HOOKLINE_ALLOWED_TARGETS: "127.0.0.1",
      // Retries within seconds, so a failing-then-recovering receiver fits in one test.
      HOOKLINE_RETRY_SCHEDULE: "2s,5s,10s",
      NEXTAUTH_URL: BASE_URL,
    },
  },
});

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { screenshot } from "./helpers";

// `npm start` as a new user meets it, from the build the suite already made: the first admin,
// data that survives a restart, a deleted data directory starting fresh, and PostgreSQL.

type TServer = { url: string; output: () => string; stop: () => Promise<void> };

async function start(port: number, env: Record<string, string>): Promise<TServer> {
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (!output.includes("[hookline] Ready on")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
  };
}

async function signInAt(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${url}/settings/webhooks`);
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toBeVisible(); // a fresh install: the empty state
}

test("embedded: the first start makes an admin, a restart keeps the data, a deleted data directory starts fresh", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-e2e-start-"));
  try {
    const first = await start(3221, { HOOKLINE_DATA_DIR: dataDir });
    expect(first.output()).toContain(
      `Created the first admin. Sign in at http://localhost:3221/signin as admin@hookline.local with the password in ${dataDir}/initial-admin-password`,
    );
    const password = fs.readFileSync(path.join(dataDir, "initial-admin-password"), "utf8").trim();
    expect(first.output()).not.toContain(password); // never printed: it would end up in logs
    await signInAt(page, first.url, "admin@hookline.local", password);
    await screenshot(page, "start-embedded-webhooks");
    await first.stop();

    const again = await start(3221, { HOOKLINE_DATA_DIR: dataDir });
    expect(again.output()).not.toContain("Created the first admin");
    expect(again.output()).not.toContain("Applied migrations");
    await page.context().clearCookies();
    await signInAt(page, again.url, "admin@hookline.local", password);
    await again.stop();

    fs.rmSync(dataDir, { recursive: true, force: true });
    const fresh = await start(3221, { HOOKLINE_DATA_DIR: dataDir });
    expect(fresh.output()).toContain("Created the first admin.");
    expect(fs.readFileSync(path.join(dataDir, "initial-admin-password"), "utf8").trim()).not.toBe(password);
    await fresh.stop();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("PostgreSQL: DATABASE_URL works the same way, migrations applied, admin from ADMIN_EMAIL", async ({ page }) => {
  test.setTimeout(180_000);
  const adminUrl = process.env.TEST_DATABASE_URL;
  test.skip(!adminUrl && !process.env.CI, "TEST_DATABASE_URL is not set");
  expect(adminUrl, "CI must run the PostgreSQL start test: set TEST_DATABASE_URL").toBeTruthy();
  const name = `hookline_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const env = {
      DATABASE_URL: (adminUrl as string).replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`),
      HOOKLINE_SECRET_KEY: randomBytes(32).toString("hex"),
      AUTH_SECRET: randomBytes(32).toString("base64"),
      ADMIN_EMAIL: "owner@e2e.test",
      ADMIN_PASSWORD: "owner-password-e2e",
    };
    const server = await start(3222, env);
    expect(server.output()).toMatch(/Applied migrations: \d+_init/);
    expect(server.output()).toContain("Ready on PostgreSQL. Created the first admin owner@e2e.test.");
    const { rows } = await admin.query(`select count(*)::int as n from pg_database where datname = $1`, [name]);
    expect(rows[0].n).toBe(1);
    await signInAt(page, server.url, "owner@e2e.test", "owner-password-e2e");
    await screenshot(page, "start-postgres-webhooks");
    await server.stop();
    const again = await start(3222, env);
    expect(again.output()).not.toContain("Applied migrations");
    expect(again.output()).not.toContain("Created the first admin");
    await again.stop();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

test("a port in use: one line saying so, exit 1, and the data directory is released", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-e2e-port-"));
  const blocker = (await import("node:net")).createServer();
  await new Promise<void>((r) => blocker.listen(3223, r));
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: "3223", HOOKLINE_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(1);
    expect(stderr).toContain("[hookline] Cannot listen on port 3223: it is in use by another process");
    expect(stderr).not.toContain("EADDRINUSE"); // no stack trace
    // The embedded database was closed on the way out: its lock is free for the next start.
    expect(fs.existsSync(path.join(dataDir, "hookline.lock"))).toBe(false);
  } finally {
    blocker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

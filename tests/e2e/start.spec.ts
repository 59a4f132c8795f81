import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { screenshot } from "./helpers";

// `npm start` as a new user meets it, from the build the suite already made: the first admin,
// data that survives a restart, a deleted data directory starting fresh, and PostgreSQL.

type TServer = { url: string; child: ChildProcess; exited: Promise<number | null>; output: () => string; stop: () => Promise<void> };

/** `npm start` itself, as a user runs it; stop() sends SIGTERM to the npm process. */
async function start(port: number, env: Record<string, string>): Promise<TServer> {
  let output = "";
  const child: ChildProcess = spawn("npm", ["start"], {
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
    child,
    exited,
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
  await expect(page).toHaveURL(`${url}/settings/overview`);
  await expect(page.getByRole("heading", { name: "Overview", exact: true })).toBeVisible();
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
    const child = spawn("npm", ["start"], {
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

/** Each process under `pid`, with its command line (ps). */
function processesUnder(pid: number): string[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m) => m !== null);
  const found: string[] = [];
  const visit = (parent: number) => {
    for (const [, child, ppid, args] of rows) {
      if (Number(ppid) !== parent) continue;
      found.push(args as string);
      visit(Number(child));
    }
  };
  visit(pid);
  return found;
}

test("npm start is one compiled Node process under npm: ready for traffic, SIGTERM to npm stops the server, a deleted data directory stops it within 5 s", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-e2e-life-"));
  try {
    const server = await start(3224, { HOOKLINE_DATA_DIR: dataDir });
    // No tsx, no esbuild, no second Node process: npm runs the compiled entry point directly.
    expect(processesUnder(server.child.pid as number)).toEqual(["node scripts/launch.mjs start"]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true }]);
    await server.stop(); // SIGTERM to npm: exit 0 (checked in stop)
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow(); // nothing listens any more
    expect(fs.existsSync(path.join(dataDir, "hookline.lock"))).toBe(false);

    const again = await start(3224, { HOOKLINE_DATA_DIR: dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
    const removedAt = Date.now();
    const code = await again.exited;
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    expect(code).not.toBe(0);
    const lines = again
      .output()
      .split("\n")
      .filter((l) => l.includes("data directory is lost"));
    expect(lines).toEqual([expect.stringMatching(/^\[hookline\] Stopping: the embedded database's data directory is lost: its lock file .* is gone/)]);
    await expect(fetch(`${again.url}/api/health`)).rejects.toThrow();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

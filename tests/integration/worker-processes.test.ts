import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { REPEAT_WINDOW_MS } from "@/lib/stop-signals";
import { TEST_DATABASES, type TestPostgres } from "../helpers/databases";
import { enabledWebhook } from "../helpers/delivery";
import { until } from "../helpers/until";

// Real `npm run worker` processes against a real PostgreSQL: crash recovery and many workers at once.
const postgres = TEST_DATABASES.find((d) => d.name === "postgres");

const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const close of closers.splice(0).reverse()) await close();
});

function startWorker(url: string, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["scripts/launch.mjs", "worker"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: url,
      HOOKLINE_SECRET_KEY: process.env.HOOKLINE_SECRET_KEY,
      AUTH_SECRET: process.env.AUTH_SECRET,
      HOOKLINE_ALLOWED_TARGETS: "127.0.0.1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", () => {});
  child.stdout?.on("data", () => {});
  children.push(child);
  return child;
}

async function receiver(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const server = http.createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(!postgres)("worker processes on PostgreSQL", () => {
  async function freshDb(): Promise<TestPostgres> {
    const db = (await postgres?.open()) as TestPostgres;
    installDatabase(db);
    closers.push(() => db.close());
    return db;
  }

  it("a worker killed with SIGKILL mid-delivery loses nothing: after its lease expires another delivers it", { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const ctx = defaultWorkspaceContext(db.prisma);
    const seen: string[] = [];
    const url = await receiver((req, res) => {
      seen.push(String(req.headers.delivery));
      if (seen.length === 1) return; // hold the first request open: the worker dies while waiting
      res.end("ok");
    });
    await enabledWebhook(url);
    const env = { HOOKLINE_TIMEOUT_MS: "1000", HOOKLINE_LEASE_MS: "3000" };
    const first = startWorker(db.url, env);
    await publishEvent(ctx, { event: "deals.created", data: {} });
    await until(() => seen.length === 1, 20_000, "the first worker to send");
    first.kill("SIGKILL");
    startWorker(db.url, env);
    await until(async () => (await db.prisma.delivery.findFirstOrThrow()).status === "succeeded", 30_000, "the second worker to deliver");
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]); // the same Delivery id, at least once
  });

  it("a worker SIGKILLed with 100 deliveries in flight: another takes them over within seconds, not at lease expiry", { timeout: 90_000 }, async () => {
    const db = await freshDb();
    const ctx = defaultWorkspaceContext(db.prisma);
    let isFirstAlive = true;
    const received = new Map<string, number>();
    const url = await receiver((req, res) => {
      const id = String(req.headers.delivery);
      received.set(id, (received.get(id) ?? 0) + 1);
      if (isFirstAlive) return; // the first worker's requests hang until it dies
      res.end("ok");
    });
    await enabledWebhook(url, { maxInFlight: 1000 }); // all 100 in flight at once
    // Leases of a minute: only the liveness lock can explain a takeover within seconds.
    const env = { HOOKLINE_TIMEOUT_MS: "30000", HOOKLINE_LEASE_MS: "60000", HOOKLINE_WORKER_CONCURRENCY: "128" };
    const first = startWorker(db.url, env);
    for (let i = 0; i < 100; i++) await publishEvent(ctx, { event: "deals.created", data: { i } });
    // All 100 leased by the first worker (64 of them reach the receiver: its connection pool's size).
    await until(
      async () => (await db.prisma.delivery.count({ where: { status: "in_flight" } })) === 100 && received.size >= 64,
      30_000,
      "the first worker to hold all 100",
    );
    const second = startWorker(db.url, env);
    let secondOutput = "";
    second.stdout?.on("data", (d: Buffer) => (secondOutput += d.toString()));
    await until(() => secondOutput.includes("delivering"), 30_000, "the second worker to start");
    const killedAt = Date.now();
    first.kill("SIGKILL");
    isFirstAlive = false;
    await until(async () => (await db.prisma.delivery.count({ where: { status: "succeeded" } })) === 100, 20_000, "the second worker to deliver all");
    const tookMs = Date.now() - killedAt;
    // Target under 2 s (issue 10): the reaper's grace (REAP_GRACE_MS, 1 s: a worker merely
    // reconnecting is not dead) and a look or two; the margin is for a loaded CI machine. The leases
    // last a minute, so expiry cannot explain a takeover.
    expect(tookMs).toBeLessThan(6_000);
    expect(await db.prisma.delivery.count({ where: { attemptCount: 2 } })).toBe(100);
  });

  it("SIGTERM with requests that hang: exits 0 after the grace, handing them back; another worker sends them at once", { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const ctx = defaultWorkspaceContext(db.prisma);
    let isHanging = true;
    const received: string[] = [];
    const url = await receiver((req, res) => {
      received.push(String(req.headers.delivery));
      if (!isHanging) res.end("ok");
    });
    await enabledWebhook(url, { maxInFlight: 10 });
    // Leases of a minute and requests allowed 30 s: only the hand-back explains a quick resend.
    const env = { HOOKLINE_TIMEOUT_MS: "30000", HOOKLINE_LEASE_MS: "60000", HOOKLINE_SHUTDOWN_GRACE_MS: "1500" };
    const first = startWorker(db.url, env);
    for (let i = 0; i < 3; i++) await publishEvent(ctx, { event: "deals.created", data: { i } });
    await until(() => received.length === 3, 20_000, "the first worker to send all three");
    const exit = new Promise<number | null>((r) => first.once("exit", (code) => r(code)));
    const stoppedAt = Date.now();
    first.kill("SIGTERM");
    expect(await exit).toBe(0);
    const tookMs = Date.now() - stoppedAt;
    expect(tookMs).toBeGreaterThanOrEqual(1_400); // it waited for the grace
    expect(tookMs).toBeLessThan(5_000);
    // Handed back: pending again, their unfinished attempt not counted.
    expect(await db.prisma.delivery.findMany({ select: { status: true, attemptCount: true } })).toEqual(
      Array.from({ length: 3 }, () => ({ status: "pending", attemptCount: 0 })),
    );
    isHanging = false;
    const resentAt = Date.now();
    startWorker(db.url, env);
    await until(async () => (await db.prisma.delivery.count({ where: { status: "succeeded" } })) === 3, 20_000, "the second worker to deliver");
    expect(Date.now() - resentAt).toBeLessThan(10_000); // not at the leases' expiry a minute later
  });

  it("a second SIGTERM ends a worker at once, its grace not waited for", { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const ctx = defaultWorkspaceContext(db.prisma);
    const received: string[] = [];
    const url = await receiver((req) => void received.push(String(req.headers.delivery)));
    await enabledWebhook(url);
    const worker = startWorker(db.url, { HOOKLINE_TIMEOUT_MS: "30000", HOOKLINE_LEASE_MS: "60000", HOOKLINE_SHUTDOWN_GRACE_MS: "60000" });
    await publishEvent(ctx, { event: "deals.created", data: {} });
    await until(() => received.length === 1, 20_000, "the worker to send");
    const exit = new Promise<number | null>((r) => worker.once("exit", (code) => r(code)));
    worker.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, REPEAT_WINDOW_MS + 200));
    const secondAt = Date.now();
    worker.kill("SIGTERM");
    expect(await exit).toBe(1);
    expect(Date.now() - secondAt).toBeLessThan(2_000);
  });

  it("3 workers and 2,000 deliveries: every id received, none in flight twice at once, the ledger balances", { timeout: 120_000 }, async () => {
    const db = await freshDb();
    const ctx = defaultWorkspaceContext(db.prisma);
    const inFlight = new Set<string>();
    const received = new Map<string, number>();
    let overlaps = 0;
    const url = await receiver((req, res) => {
      const id = String(req.headers.delivery);
      if (inFlight.has(id)) overlaps++;
      inFlight.add(id);
      received.set(id, (received.get(id) ?? 0) + 1);
      setTimeout(() => {
        inFlight.delete(id);
        res.end("ok");
      }, Math.random() * 5);
    });
    for (let i = 0; i < 10; i++) await enabledWebhook(`${url}/w${i}`);
    for (let i = 0; i < 200; i++) await publishEvent(ctx, { event: "deals.created", data: { i } });
    expect(await db.prisma.delivery.count()).toBe(2_000);

    const workers = [0, 1, 2].map(() => startWorker(db.url, { HOOKLINE_WORKER_CONCURRENCY: "16" }));
    await until(
      async () => (await db.prisma.delivery.count({ where: { status: { in: ["pending", "in_flight"] } } })) === 0,
      100_000,
      "all deliveries to finish",
    );

    const ids = (await db.prisma.delivery.findMany({ select: { id: true } })).map((d) => d.id);
    expect(ids.filter((id) => !received.has(id))).toEqual([]);
    expect(overlaps).toBe(0);
    const byStatus = Object.fromEntries((await db.prisma.delivery.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]));
    expect((byStatus.succeeded ?? 0) + (byStatus.failed ?? 0)).toBe(2_000);
    expect(byStatus.succeeded).toBe(2_000);
    // Graceful shutdown: SIGTERM, in-flight work finishes, exit code 0.
    const exits = workers.map((w) => new Promise<number | null>((r) => w.once("exit", (code) => r(code))));
    for (const w of workers) w.kill("SIGTERM");
    expect(await Promise.all(exits)).toEqual([0, 0, 0]);
  });
});

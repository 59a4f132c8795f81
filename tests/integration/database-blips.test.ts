import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db";
import { pgAdapter } from "@/lib/db/pg-adapter";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { startReaper } from "@/lib/delivery/runtime/reaper";
import { wakeWorkers } from "@/lib/delivery/runtime/wakeup";
import { holdLiveness, LIVE_SUFFIX } from "@/lib/delivery/runtime/worker-liveness";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TEST_DATABASES, type TestPostgres } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { livenessLocksHeld } from "../helpers/liveness-lock";
import { until } from "../helpers/until";

// Issue 19.2: two standalone workers, a receiver answering in 300 ms, a steady 40 events/s, and then
// every connection the workers hold is terminated (pool, liveness lock), round after round.
const postgres = TEST_DATABASES.find((d) => d.name === "postgres");

const APP = "hookline-blip-worker"; // the workers' connections, and only theirs, are cut
const MAX_IN_FLIGHT = 16;
const ROUNDS = 6;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => {});
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers every request after 300 ms; counts each Delivery id and the most requests open at once. */
async function slowReceiver() {
  const received = new Map<string, number>();
  let open = 0;
  let maxOpen = 0;
  const server = http.createServer((req, res) => {
    const id = String(req.headers.delivery);
    received.set(id, (received.get(id) ?? 0) + 1);
    maxOpen = Math.max(maxOpen, ++open);
    req.resume();
    setTimeout(() => {
      open--;
      res.end("ok");
    }, 300);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, maxOpen: () => maxOpen };
}

/** One standalone worker in this process, wired as scripts/worker.ts wires it, on connections of its own. */
async function startWorker(url: string, name: string, logs: string[]) {
  const workerUrl = `${url}${url.includes("?") ? "&" : "?"}application_name=${APP}`;
  const prisma = new PrismaClient({ adapter: pgAdapter(workerUrl) });
  const log = (m: string) => logs.push(`${name}: ${m}`);
  const owner = `${name}${LIVE_SUFFIX}`;
  const liveness = await holdLiveness(workerUrl, owner, { log, onHeld: wakeWorkers });
  const config = { ...TEST_CONFIG, concurrency: MAX_IN_FLIGHT, leaseMs: 5_000 };
  const worker = new DeliveryWorker({ db: prisma, config, owner, log, isLive: liveness.isHeld });
  worker.start();
  // The reaper looks ten times a second, not once, so that it surely looks while the other worker
  // is reconnecting: the window a reaper without a grace falls into, caught with no timing luck.
  const stopReaper = startReaper({ db: prisma, liveness, everyMs: 100, log, onTakenOver: wakeWorkers });
  const stop = async () => {
    await stopReaper();
    await worker.stop();
    await liveness.stop();
    await prisma.$disconnect();
  };
  closers.push(stop);
  return { stop };
}

describe.skipIf(!postgres)("database blips with two workers on PostgreSQL", () => {
  it("every connection of both workers cut, round after round: nothing taken over, nothing sent twice, never more than maxInFlight at once", {
    timeout: 90_000,
  }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    installDatabase(db);
    const ctx = defaultWorkspaceContext(db.prisma);
    closers.push(() => db.close());
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    closers.push(() => admin.end());
    const receiver = await slowReceiver();
    await enabledWebhook(receiver.url, { maxInFlight: MAX_IN_FLIGHT });

    const logs: string[] = [];
    const workers = [await startWorker(db.url, "a", logs), await startWorker(db.url, "b", logs)];

    // 40 events a second, from the test's own connection (never cut).
    let isPublishing = true;
    const publishing = (async () => {
      for (let tick = 0, start = Date.now(); isPublishing; tick++) {
        for (let i = 0; i < 4; i++) await publishEvent(ctx, { event: "deals.created", data: { tick, i } });
        await sleep(start + (tick + 1) * 100 - Date.now());
      }
    })();

    const locksHeld = () => livenessLocksHeld(admin);
    await until(async () => (await locksHeld()) === 2, 10_000, "both workers to hold their liveness locks");
    const cutAll = async () =>
      (await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1", [APP]))
        .rowCount ?? 0;
    for (let round = 0; round < ROUNDS; round++) {
      await sleep(1_000); // deliveries in flight on both workers
      expect(await cutAll()).toBeGreaterThanOrEqual(2); // at least both liveness connections
      // Every other round a longer blip: each new connection is cut too, for a second and a half,
      // so the workers' reconnects fail and back off.
      if (round % 2 === 1) for (const end = Date.now() + 1_500; Date.now() < end; await sleep(100)) await cutAll();
      await until(async () => (await locksHeld()) === 2, 15_000, `round ${round}: both workers to take their locks again`);
      await sleep(1_000);
    }
    isPublishing = false;
    await publishing;
    await until(
      async () => (await db.prisma.delivery.count({ where: { status: { in: ["pending", "in_flight"] } } })) === 0,
      30_000,
      "every delivery to finish",
    );
    for (const w of workers) await w.stop();

    const deliveries = await db.prisma.delivery.count();
    expect(deliveries).toBeGreaterThan(ROUNDS * 60);
    if (receiver.maxOpen() > MAX_IN_FLIGHT || [...receiver.received.values()].some((n) => n > 1)) console.log(logs.join("\n"));
    // One summary, so that a failure shows every count at once. No worker died: nothing may be
    // taken over, so every delivery reached the receiver exactly once and no attempt is late.
    expect({
      takenOver: logs.filter((l) => l.includes("took over")),
      received: receiver.received.size,
      sentTwice: [...receiver.received.values()].filter((n) => n > 1).length,
      lateAttempts: await db.prisma.attempt.count({ where: { isLate: true } }),
      overMaxInFlight: Math.max(0, receiver.maxOpen() - MAX_IN_FLIGHT),
    }).toEqual({ takenOver: [], received: deliveries, sentTwice: 0, lateAttempts: 0, overMaxInFlight: 0 });
  });
});

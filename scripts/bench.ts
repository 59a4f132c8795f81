// npm run bench — measured side by side in one run, on this machine:
//  1. publish → first attempt latency with an idle worker: woken by the publish vs polling alone;
//  2. delivery throughput of one worker (16 in flight) against a local receiver.
// On embedded PGlite (in memory) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

process.env.AUTH_SECRET ||= randomBytes(32).toString("base64");
process.env.HOOKLINE_SECRET_KEY ||= randomBytes(32).toString("hex");
process.env.HOOKLINE_ALLOWED_TARGETS = "127.0.0.1";
process.env.HOOKLINE_DATA_DIR = path.join(os.tmpdir(), "hookline-bench");

const { installDatabase } = await import("../lib/db");
const { openDatabase } = await import("../lib/db/open-database");
const { deliveryConfig } = await import("../lib/delivery/config");
const { publishEvent } = await import("../lib/delivery/publish-event");
const { DeliveryWorker } = await import("../lib/delivery/worker");
const { createWebhook } = await import("../lib/server/webhooks/create-webhook");

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

let onRequest: () => void = () => {};
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    onRequest();
    res.end("ok");
  });
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;

async function latency(db: Awaited<ReturnType<typeof openDatabase>>, isWakeable: boolean, rounds: number): Promise<number[]> {
  const worker = new DeliveryWorker({ db: db.prisma, config: deliveryConfig(), pollMs: 500, isWakeable, log: () => {} });
  worker.start();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 200)); // idle, at a random point of the poll cycle
    const got = new Promise<void>((r) => (onRequest = r));
    const t0 = performance.now();
    await publishEvent({ event: "deals.created", data: { i } });
    await got;
    samples.push(performance.now() - t0);
  }
  await worker.stop();
  return samples;
}

async function throughput(db: Awaited<ReturnType<typeof openDatabase>>, events: number): Promise<number> {
  for (let i = 0; i < events; i++) await publishEvent({ event: "deals.created", data: { i } });
  const worker = new DeliveryWorker({ db: db.prisma, config: { ...deliveryConfig(), concurrency: 16 }, log: () => {} });
  onRequest = () => {};
  const t0 = performance.now();
  const n = await worker.drain();
  return n / ((performance.now() - t0) / 1000);
}

async function bench(name: string, open: () => Promise<Awaited<ReturnType<typeof openDatabase>>>, cleanup: () => Promise<void> = async () => {}) {
  const db = await open();
  installDatabase(db);
  const hook = await createWebhook({ url, events: ["deals.created"] });
  await db.prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
  const woken = await latency(db, true, 40);
  const polled = await latency(db, false, 40);
  const rate = await throughput(db, 1_000);
  await db.close();
  await cleanup();
  console.log(
    `| ${name} | ${pct(woken, 50).toFixed(1)} / ${pct(woken, 95).toFixed(1)} ms | ${pct(polled, 50).toFixed(1)} / ${pct(polled, 95).toFixed(1)} ms | ${(pct(polled, 50) / pct(woken, 50)).toFixed(1)}× | ${rate.toFixed(0)} /s |`,
  );
}

console.log(`Hookline bench, ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}\n`);
console.log(
  "| database | publish → first attempt, woken (p50 / p95) | polling every 500 ms (p50 / p95) | woken is faster by | deliveries/s (1 worker, 16 in flight) |",
);
console.log("|---|---|---|---|---|");
await bench("PGlite (embedded, in memory)", () => openDatabase({ kind: "pglite", dataDir: null }));
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const name = `hookline_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = pgUrl.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
  await bench(
    "PostgreSQL 15 (local)",
    () => openDatabase({ kind: "postgres", url }),
    async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  );
  if (process.env.BENCH_LOG !== "off") {
    const { benchDeliveryLog } = await import("./bench-delivery-log");
    console.log("\nDelivery log on PostgreSQL at the API, median of 20 calls:\n\n| call | time |\n|---|---|");
    for (const line of await benchDeliveryLog(pgUrl)) console.log(line);
  }
} else console.log("\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
server.close();
process.exit(0);

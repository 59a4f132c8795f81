// npm run bench — every number side by side in one run, on this machine:
//  1. Hookline end to end (BENCH_ONLY=delivery: only it; publish → signed POST to a receiver process → attempt recorded): sustained
//     deliveries/s, publish → first attempt latency at a fixed 200 events/s, one event to 100 webhooks;
//     on the embedded database and, with BENCH_DATABASE_URL or TEST_DATABASE_URL, on PostgreSQL;
//  2. beside it (a) the physical limit, raw undici POSTs of the same bodies with no database, and
//     (b) pg-boss workers doing the same signed POSTs from the same PostgreSQL;
//  3. publishing over HTTP as a host does (API key, `npm start`), single events and batches of 100,
//     beside a bare node:http server, and end to end with one `npm run worker` (BENCH_ONLY=http: only it);
//  4. isolation over HTTP: ten webhooks at 40 events/s, healthy publish → receive with and without one
//     receiver answering in 4.5 s (BENCH_ONLY=isolation; BENCH_ISOLATION_SECONDS, 20);
//  5. takeover: a worker SIGKILLed with 100 deliveries in flight, time until another delivered them all
//     (BENCH_ONLY=takeover);
//  6. idle CPU of the embedded server and of one `npm run worker` (BENCH_ONLY=idle; BENCH_IDLE_SECONDS, 60);
//  6b. live admin screens: 50 open log pages' cost (BENCH_ONLY=live; BENCH_LIVE_PAGES, 50, BENCH_LIVE_IDLE_SECONDS, 30);
//  6c. payload filters beside none, ordered delivery beside unordered (BENCH_ONLY=subscriptions);
//  7. the delivery log API at 1,000,000 deliveries (BENCH_LOG=off skips it; BENCH_ONLY=log runs only it).
// Parts 3 to 5 and the PostgreSQL rows need BENCH_DATABASE_URL or TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.AUTH_SECRET ||= randomBytes(32).toString("base64");
process.env.HOOKLINE_SECRET_KEY ||= randomBytes(32).toString("hex");
process.env.HOOKLINE_ALLOWED_TARGETS = "127.0.0.1";
process.env.HOOKLINE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-bench-"));

const { freshPostgres, startReceiver } = await import("./bench/harness");
const { benchHookline } = await import("./bench/hookline");
const { benchRawUndici } = await import("./bench/raw-undici");
const { benchPgBoss } = await import("./bench/pg-boss");
const { openDatabase } = await import("../lib/db/open-database");
const { closeDb } = await import("../lib/db");

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
// Scaled mode on 2 cores: one `npm run worker` with HOOKLINE_WORKER_CONCURRENCY=256 (a second worker
// process measured no faster here: the cores are shared with PostgreSQL, the host and the receiver).
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
const EMBEDDED_CONCURRENCY = 64; // the default HOOKLINE_WORKER_CONCURRENCY
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

console.log(`Hookline bench, ${new Date().toISOString()}`);
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);

const only = process.env.BENCH_ONLY;
if (!only || only === "delivery") await benchDelivery();
if (pgUrl && (!only || only === "http")) await benchHttp(pgUrl);
if (pgUrl && (!only || only === "isolation")) await benchIsolation(pgUrl);
if (pgUrl && (!only || only === "takeover")) await benchTakeover(pgUrl);
if (!pgUrl && only && ["http", "isolation", "takeover"].includes(only)) console.log(`BENCH_ONLY=${only} needs BENCH_DATABASE_URL or TEST_DATABASE_URL.`);
if (pgUrl && (!only || only === "workspaces")) await benchManyWorkspaces(pgUrl);
if (pgUrl && (!only || only === "live")) await benchLiveScreens(pgUrl);
if (pgUrl && (!only || only === "subscriptions")) await benchSubscriptionRows(pgUrl);
if (!only || only === "idle") await benchIdle(pgUrl);

async function benchSubscriptionRows(url: string): Promise<void> {
  const { benchSubscriptions } = await import("./bench/subscriptions");
  const receiver = await startReceiver();
  try {
    const r = await benchSubscriptions(url, receiver);
    const change = (100 * (r.publishFiltered - r.publishPlain)) / r.publishPlain;
    console.log("\nSubscriptions on PostgreSQL (over HTTP; publish rows: median of two rounds each, alternated):\n");
    console.log("| | without | with | ratio | target |\n|---|---|---|---|---|");
    console.log(
      `| POST /api/v1/events, 16 clients, 100 webhooks subscribed to everything, each with a payload filter that matches (events/s) | ${f0(r.publishPlain)} | ${f0(r.publishFiltered)} | ${f0(100 + change)} % | within 20 %: ${change >= -20 ? "met" : "**not met**"} |`,
    );
    console.log(
      `| one webhook, ${r.keys.toLocaleString("en")} ordering keys, one npm run worker, deliveries/s (without: unordered; with: in order per key) | ${f0(r.deliverUnordered)} | ${f0(r.deliverOrdered)} | ${f0((100 * r.deliverOrdered) / r.deliverUnordered)} % | reported |`,
    );
  } finally {
    receiver.close();
  }
}

async function benchManyWorkspaces(url: string): Promise<void> {
  const { benchWorkspaces } = await import("./bench/workspaces");
  const receiver = await startReceiver();
  try {
    const r = await benchWorkspaces(url, receiver.url);
    const pct = (a: number, b: number, isRate: boolean) => (isRate ? (100 * (b - a)) / a : (100 * (b - a)) / a);
    const verdict = (a: number, b: number, isRate: boolean) => {
      const change = pct(a, b, isRate);
      const isWithin = isRate ? change >= -20 : change <= 20;
      return `${change >= 0 ? "+" : ""}${f0(change)} % ${isWithin ? "(within 20 %)" : "(**over 20 %**)"}`;
    };
    console.log(
      `\nOne workspace beside ${r.workspaces.toLocaleString("en")} others of ${r.webhooksEach} enabled webhooks each, on PostgreSQL (over HTTP; medians of 100 calls):\n`,
    );
    console.log("| | single site | with the others | change |\n|---|---|---|---|");
    console.log(
      `| publish into it, POST /api/v1/events, 16 clients (events/s) | ${f0(r.single.publish)} | ${f0(r.many.publish)} | ${verdict(r.single.publish, r.many.publish, true)} |`,
    );
    console.log(
      `| its webhook list, GET /api/v1/webhooks (ms) | ${f1(r.single.webhookList)} | ${f1(r.many.webhookList)} | ${verdict(r.single.webhookList, r.many.webhookList, false)} |`,
    );
    console.log(
      `| its delivery log, GET /api/v1/deliveries (ms) | ${f1(r.single.deliveryLog)} | ${f1(r.many.deliveryLog)} | ${verdict(r.single.deliveryLog, r.many.deliveryLog, false)} |`,
    );
    // Not one of the issue's 20 % targets (its target for the claim is one statement per batch, which it is): shown for the cost.
    console.log(
      `| a worker's claim of 16, one statement (ms; no target, shown for its cost) | ${f1(r.single.claim)} | ${f1(r.many.claim)} | ${f0(pct(r.single.claim, r.many.claim, false))} % |`,
    );
  } finally {
    await receiver.close();
  }
}

async function benchLiveScreens(url: string): Promise<void> {
  const { benchLive } = await import("./bench/live");
  const receiver = await startReceiver();
  try {
    const pages = Number(process.env.BENCH_LIVE_PAGES ?? 50);
    const idleSeconds = Number(process.env.BENCH_LIVE_IDLE_SECONDS ?? 30);
    const r = await benchLive(url, receiver, { pages, idleSeconds, events: Math.max(EVENTS, 5_000) });
    const cost = r.idleCpu.with - r.idleCpu.without;
    const drop = (100 * (r.rate.without - r.rate.with)) / r.rate.without;
    console.log(
      `\nLive admin screens: ${pages} open delivery-log pages (GET /api/v1/live, each re-reading the log and the webhook list on every message), PostgreSQL, one npm run worker:\n`,
    );
    console.log("| | without the pages | with them | target (issue 22) |\n|---|---|---|---|");
    console.log(
      `| the app's CPU, idle ${idleSeconds} s (% of a core) | ${f1(r.idleCpu.without)} | ${f1(r.idleCpu.with)} | + under 5 ${cost < 5 ? "(met)" : "(**not met**)"} |`,
    );
    console.log(
      `| end to end at the default limit of 16, batches of 100 (deliveries/s, median of 3 alternating rounds) | ${f0(r.rate.without)} | ${f0(r.rate.with)} | − under 10 % ${drop < 10 ? "(met" : "(**not met**"}: ${f1(drop)} %) |`,
    );
    console.log(`\nUnder load each page heard ${f1(r.messagesPerPageS)} messages/s and made ${f1(r.readsPerPageS)} API reads/s.`);
  } finally {
    await receiver.close();
  }
}

async function benchIdle(url: string | undefined): Promise<void> {
  const { benchIdleCpu } = await import("./bench/idle-cpu");
  const seconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
  const r = await benchIdleCpu(url, seconds);
  const noPg = "(no PostgreSQL)";
  console.log(`\nIdle over ${seconds} s, nothing due: CPU (percent of one core) and resident memory (RSS, MB):\n`);
  console.log("| process | CPU | RSS after start | RSS idle | RSS target (issue 21) |\n|---|---|---|---|---|");
  const row = (name: string, x: typeof r.embedded | null, target: number) =>
    console.log(
      x
        ? `| ${name} | ${f1(x.cpu)} % | ${f0(x.rssStartMb)} | ${f0(x.rssIdleMb)} | ≤ ${target} ${x.rssIdleMb <= target ? "(met)" : "(**not met**)"} |`
        : `| ${name} | ${noPg} | | | |`,
    );
  row("embedded server, first start of a new install (npm start, its worker and PGlite)", r.embedded, 400);
  row("embedded server, started again on the same data directory", r.embeddedRestart, 400);
  row("app on PostgreSQL (npm start, its worker on)", r.appOnPostgres, 250);
  row("one npm run worker on PostgreSQL", r.worker, 120);
  const isMet = r.embedded.cpu < 1 && (r.worker === null || r.worker.cpu < 1);
  console.log(
    `\n| target (issue 10) | met | measured |\n|---|---|---|\n| idle under 1 % of a core | ${isMet ? "yes" : "**no**"} | ${f1(r.embedded.cpu)} % / ${r.worker === null ? "–" : f1(r.worker.cpu)} % |`,
  );
}

async function benchHttp(url: string): Promise<void> {
  const { benchHttpApi } = await import("./bench/http-api");
  const receiver = await startReceiver();
  try {
    const events = Math.max(EVENTS, 4_000);
    const h = await benchHttpApi(url, receiver, events);
    console.log(`\nPublishing over HTTP on PostgreSQL (${events} events; the app's worker off for ingest, one npm run worker end to end):\n`);
    console.log("| | events/s |\n|---|---|");
    console.log(`| bare node:http answering 202, 16 clients (the HTTP limit) | ${f0(h.bare)} |`);
    console.log(`| POST /api/v1/events, 16 clients | ${f0(h.single)} |`);
    console.log(`| POST /api/v1/events/batch of 100, 4 clients | ${f0(h.batch)} |`);
    console.log(
      `| end to end, ${h.endToEndEvents} events in batches of 100 → one npm run worker → receiver (deliveries/s), the webhook's default limit of 16 in flight | ${f0(h.endToEnd)} |`,
    );
    console.log(`| the same, the webhook's in-flight limit raised to 256 (the worker's concurrency) | ${f0(h.endToEndRaised)} |`);
    console.log(
      "\nWhat the database did per delivery end to end, in two more rounds of 2,000 with the worker's connections through a counting relay (statements: the worker's; WAL and CPU: everything, publishes included):\n",
    );
    console.log("| round | statements | WAL bytes | PostgreSQL CPU (ms) |\n|---|---|---|---|");
    for (const [what, c] of [
      ["default limit of 16 in flight", h.costAt16],
      ["limit raised to 256", h.costRaised],
    ] as const)
      console.log(`| ${what} | ${f1(c.statements)} | ${f0(c.walBytes)} | ${c.cpuMs.toFixed(2)} |`);
    console.log("\n| target (issues 10 and 21) | met | measured |\n|---|---|---|");
    const row = (what: string, isMet: boolean, value: string) => console.log(`| ${what} | ${isMet ? "yes" : "**no**"} | ${value} |`);
    row("single-event ingest ≥ 50 % of the bare server", h.single >= h.bare / 2, `${f0((100 * h.single) / h.bare)} %`);
    row("batch ingest ≥ 5,000 events/s", h.batch >= 5_000, `${f0(h.batch)} /s`);
    row("end to end ≥ 1,500 deliveries/s with batches (default limit of 16 in flight)", h.endToEnd >= 1_500, `${f0(h.endToEnd)} /s`);
    row("end to end ≥ 1,500 deliveries/s with batches (limit raised to 256)", h.endToEndRaised >= 1_500, `${f0(h.endToEndRaised)} /s`);
    row(
      "every event delivered under its own Delivery id",
      h.distinctDeliveryIds === h.endToEndEvents,
      `${h.distinctDeliveryIds} distinct ids for ${h.endToEndEvents} events`,
    );
  } finally {
    receiver.close();
  }
}

async function benchIsolation(url: string): Promise<void> {
  const { measureIsolation, DRAIN_MS } = await import("./bench/isolation");
  const seconds = Number(process.env.BENCH_ISOLATION_SECONDS ?? 20);
  const receiver = await startReceiver();
  try {
    const { a, b } = await measureIsolation(url, receiver, seconds);
    console.log(
      `\nIsolation on PostgreSQL: ten webhooks on one event type, 40 events/s for ${seconds} s over POST /api/v1/events, one npm run worker (default concurrency); publish → receive of the healthy webhooks' deliveries:\n`,
    );
    console.log("| | healthy deliveries received | p50 ms | p99 ms |\n|---|---|---|---|");
    const row = (what: string, r: typeof a) =>
      console.log(`| ${what} | ${r.deliveries}${r.missing > 0 ? ` (**${r.missing} missing**)` : ""} | ${f0(r.p50)} | ${f0(r.p99)} |`);
    row("A: ten healthy webhooks", a);
    row("B: nine healthy, one answering in 4.5 s", b);
    if (a.missing > 0 || b.missing > 0) console.log(`\n(Missing: not received ${DRAIN_MS / 1000} s after the last publish; counted as never arriving.)`);
    const ratio = b.p99 / a.p99;
    console.log("\n| target (issue 10) | met | measured |\n|---|---|---|");
    console.log(`| healthy p99 with the slow webhook (B) within 2× of without (A) | ${ratio <= 2 ? "yes" : "**no**"} | ${f1(ratio)}× |`);
  } finally {
    receiver.close();
  }
}

async function benchTakeover(url: string): Promise<void> {
  const { measureTakeover, FINISH_MS } = await import("./bench/takeover");
  const receiver = await startReceiver();
  try {
    const t = await measureTakeover(url, receiver);
    console.log(
      "\nTakeover on PostgreSQL: worker A (leases of 60 s) holding the deliveries of 100 events to a receiver that does not answer, worker B running; the receiver turns to answering at once and A is SIGKILLed:\n",
    );
    console.log("| | |\n|---|---|");
    console.log(`| at the kill: A's requests held open at the receiver / deliveries in flight | ${t.heldAtKill} / ${t.inFlightAtKill} |`);
    console.log(
      `| kill → all 100 succeeded in the database (delivered by B) | ${t.succeeded < 100 ? `**${t.succeeded} of 100 after ${FINISH_MS / 1000} s**` : `${f0(t.tookMs)} ms`} |`,
    );
    if (t.succeededBeforeKill > 0) console.log(`\n(**${t.succeededBeforeKill} had succeeded before the kill**: not B's doing.)`);
    console.log("\n| target (issue 10) | met | measured |\n|---|---|---|");
    console.log(
      `| all delivered by another worker ≤ 2,000 ms after the kill (the receiver answers at once) | ${t.tookMs <= 2_000 ? "yes" : "**no**"} | ${f0(t.tookMs)} ms |`,
    );
  } finally {
    receiver.close();
  }
}

async function benchDelivery(): Promise<void> {
  const receiver = await startReceiver();
  const rows: string[] = [];
  const targets: [string, boolean, string][] = [];
  try {
    const embedded = await openDatabase({ kind: "pglite", dataDir: process.env.HOOKLINE_DATA_DIR as string });
    const e = await benchHookline({ db: embedded, workers: 1, concurrency: EMBEDDED_CONCURRENCY }, receiver, {
      events: Math.min(EVENTS, 2_000),
    });
    await closeDb();
    rows.push(
      `| Hookline, embedded PGlite (worker in the app process, ${EMBEDDED_CONCURRENCY} in flight) | ${f0(e.throughput1.p8)} | ${f0(e.throughput1.p32)} | ${f0(e.throughput10)} | ${f1(e.latency.p50)} / ${f1(e.latency.p99)} | ${f0(e.fanout100Ms)} ms |`,
    );
    targets.push(["embedded ≥ 300 deliveries/s (8 publishers)", e.throughput1.p8 >= 300, `${f0(e.throughput1.p8)} /s`]);
    targets.push(["embedded p99 < 100 ms at 200 ev/s", e.latency.p99 < 100, `${f1(e.latency.p99)} ms`]);

    if (pgUrl) {
      const hooklineDb = await freshPostgres(pgUrl, "hookline_bench");
      const db = await openDatabase({ kind: "postgres", url: hooklineDb.url });
      const p = await benchHookline({ db, url: hooklineDb.url, workers: WORKERS, concurrency: CONCURRENCY }, receiver, { events: EVENTS });
      await closeDb();
      await hooklineDb.drop();
      rows.push(
        `| Hookline, PostgreSQL 15 (${WORKERS} × npm run worker, ${CONCURRENCY} in flight each) | ${f0(p.throughput1.p8)} | ${f0(p.throughput1.p32)} | ${f0(p.throughput10)} | ${f1(p.latency.p50)} / ${f1(p.latency.p99)} | ${f0(p.fanout100Ms)} ms |`,
      );
      // The median of three, as Hookline's own throughput rows are: one run of the baseline is over in
      // about a second, and this machine's speed wanders by a factor of two from one to the next.
      const rawRuns = [];
      for (let i = 0; i < 3; i++) rawRuns.push(await benchRawUndici(receiver, EVENTS * 4, WORKERS, CONCURRENCY));
      const raw = [...rawRuns].sort((a, b) => a - b)[1] as number;
      rows.push(
        `| (a) raw undici, no database (${WORKERS} process${WORKERS > 1 ? "es" : ""}, ${CONCURRENCY} in flight each; median of ${rawRuns.map((r) => f0(r)).join(", ")}) | ${f0(raw)} | ${f0(raw)} | | | |`,
      );
      const bossDb = await freshPostgres(pgUrl, "hookline_bench_pgboss");
      const shape = { processes: WORKERS, workersPerProcess: 4, batchSize: CONCURRENCY / 4 };
      const boss8 = await benchPgBoss(bossDb.url, receiver, EVENTS, shape, 8);
      const boss32 = await benchPgBoss(bossDb.url, receiver, EVENTS, shape, 32);
      await bossDb.drop();
      rows.push(
        `| (b) pg-boss 10.4 on the same PostgreSQL (${WORKERS} process${WORKERS > 1 ? "es" : ""} × ${shape.workersPerProcess} workers × batch ${shape.batchSize}) | ${f0(boss8)} | ${f0(boss32)} | | | |`,
      );
      const best = Math.max(p.throughput1.p8, p.throughput1.p32);
      targets.push(["PostgreSQL ≥ 2,000 deliveries/s (8 publishers)", p.throughput1.p8 >= 2_000, `${f0(p.throughput1.p8)} /s`]);
      targets.push(["PostgreSQL ≥ 2,000 deliveries/s (32 publishers)", p.throughput1.p32 >= 2_000, `${f0(p.throughput1.p32)} /s`]);
      targets.push(["PostgreSQL ≥ 50 % of (a)", best >= raw / 2, `${f0((100 * best) / raw)} %`]);
      targets.push([
        "PostgreSQL ≥ 2× (b), same publishers",
        p.throughput1.p8 >= 2 * boss8 && p.throughput1.p32 >= 2 * boss32,
        `${f1(p.throughput1.p8 / boss8)}× (8), ${f1(p.throughput1.p32 / boss32)}× (32)`,
      ]);
      targets.push(["PostgreSQL p99 < 100 ms at 200 ev/s", p.latency.p99 < 100, `${f1(p.latency.p99)} ms`]);
      if (p.workerRssMb !== null && p.workerPeakRssMb !== null)
        targets.push([
          "npm run worker RSS under load ≤ 200 MB (issue 21): at the end of the PostgreSQL run, and its peak during it",
          p.workerRssMb <= 200 && p.workerPeakRssMb <= 200,
          `${f0(p.workerRssMb)} MB at the end, ${f0(p.workerPeakRssMb)} MB peak`,
        ]);
    } else rows.push("| (PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL) | | | | | |");
  } finally {
    receiver.close();
  }

  console.log(
    "| | deliveries/s, 1 webhook per event, 8 publishes in flight | the same, 32 in flight | deliveries/s, 10 webhooks per event (32 in flight) | publish → first attempt at 200 ev/s, p50 / p99 ms | one event to 100 webhooks, all recorded (median of 5) |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  console.log(
    `\n(Throughput: the median of 3 runs of ${EVENTS} events on PostgreSQL, ${Math.min(EVENTS, 2_000)} embedded, from the first publish until every attempt is recorded; the receiver is its own process; the webhooks' in-flight limit is raised to 1,000 so these rows measure the engine.)\n`,
  );
  console.log("| target (delivery engine issue) | met | measured |\n|---|---|---|");
  for (const [what, isMet, value] of targets) console.log(`| ${what} | ${isMet ? "yes" : "**no**"} | ${value} |`);
}

if (pgUrl && process.env.BENCH_LOG !== "off" && (!only || only === "log")) {
  const { benchDeliveryLog } = await import("./bench-delivery-log");
  console.log("\nDelivery log on PostgreSQL at the API, median of 20 calls:\n\n| call | time |\n|---|---|");
  for (const line of await benchDeliveryLog(pgUrl)) console.log(line);
}
fs.rmSync(process.env.HOOKLINE_DATA_DIR as string, { recursive: true, force: true });
process.exit(0);

// Publishing as a host does it: over HTTP, with an API key, to the app served by `npm start`
// (scripts/serve.ts), beside a bare node:http server answering 202 to the same client (the HTTP
// limit on this machine). PostgreSQL only: ingest with the app's worker off, then end to end with
// one `npm run worker` and batches of 100.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { enabledWebhook, inParallel, sleep, startHost, stopChild, type TReceiver, wallNow } from "./harness";

export type THttpResult = {
  bare: number;
  single: number;
  batch: number;
  endToEnd: number;
  endToEndRaised: number;
  endToEndEvents: number;
  distinctDeliveryIds: number;
  /** What the database did per delivery in a round of each limit with the worker behind the counting relay (WAL and CPU include the publishes). */
  costAt16: TPerDelivery;
  costRaised: TPerDelivery;
};

export type TPerDelivery = { statements: number; walBytes: number; cpuMs: number };

/** The acceptance's size: a host publishing 10,000 events in batches of 100. */
const END_TO_END_EVENTS = 10_000;

/** Sends `n` requests from `clients` concurrent clients; requests per second. */
async function load(url: string, body: (i: number) => string, headers: Record<string, string>, n: number, clients: number): Promise<number> {
  const t0 = wallNow();
  await inParallel(
    Array.from({ length: n }, (_, i) => i),
    clients,
    async (i) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: body(i) });
      if (res.status !== 202) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    },
  );
  return n / ((wallNow() - t0) / 1000);
}

export async function benchHttpApi(pgServerUrl: string, receiver: TReceiver, events: number): Promise<THttpResult> {
  const event = (i: number) => ({ event: "deals.created", data: { i, title: "A deal of some size", amount: 1200 + i } });
  // The HTTP limit: a bare node:http server answering 202 with a small JSON body.
  const bareServer = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(202, { "content-type": "application/json" }).end('{"id":"x","deliveries":1,"isDuplicate":false}'));
  });
  await new Promise<void>((r) => bareServer.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`;
  const bare = await load(bareUrl, (i) => JSON.stringify(event(i)), {}, events, 16);
  bareServer.close();

  const host = await startHost(pgServerUrl, "hookline_bench_http");
  try {
    const base = host.api;
    // Ingest: no webhook subscribed yet, so each publish writes its event only.
    const single = await load(`${base}/events`, (i) => JSON.stringify(event(i)), host.headers, events, 16);
    const batchBody = (b: number) => JSON.stringify({ events: Array.from({ length: 100 }, (_, i) => event(b * 100 + i)) });
    const batch = 100 * (await load(`${base}/events/batch`, batchBody, host.headers, Math.ceil(events / 100), 4));

    // End to end: one enabled webhook, one `npm run worker`, batches of 100 from 4 clients; with the
    // webhook's default in-flight limit (16), then with it raised to the worker's 256.
    const hookId = await enabledWebhook(host.db, `${receiver.url}/http-api`, "deals.created");
    const worker = await host.startWorker({ HOOKLINE_WORKER_CONCURRENCY: "256" });
    const total = Math.max(END_TO_END_EVENTS, Math.ceil(events / 100) * 100);
    let round = 0;
    const endToEndRun = async (n = total) => {
      round++;
      await receiver.reset();
      const before = await host.db.prisma.delivery.count({ where: { status: "succeeded" } });
      const measured = await host.measure();
      const t0 = wallNow();
      await load(`${base}/events/batch`, (b) => batchBody(round * 1_000 + b), host.headers, n / 100, 4);
      await receiver.waitFor(n, 600_000);
      while ((await host.db.prisma.delivery.count({ where: { status: "succeeded" } })) < before + n) await sleep(50);
      const rate = n / ((wallNow() - t0) / 1000);
      const cost = await measured();
      const perDelivery = { statements: cost.statements / n, walBytes: cost.walBytes / n, cpuMs: (1000 * cost.cpuSeconds) / n };
      // Every event reached the receiver under its own Delivery id (the `webhook-id` header).
      return { rate, perDelivery, distinctIds: (await receiver.take()).size };
    };
    const limit = (maxInFlight: number) => host.db.prisma.webhook.update({ where: { id: hookId }, data: { maxInFlight } });
    const capped = await endToEndRun();
    await limit(256);
    const raised = await endToEndRun();
    // The database's work per delivery: the same rounds, smaller, with a worker whose connections
    // go through the counting relay (its extra hop would slow the throughput rounds above).
    await stopChild(worker);
    await host.startWorker({ HOOKLINE_WORKER_CONCURRENCY: "256" }, true);
    await limit(16);
    const costAt16 = (await endToEndRun(2_000)).perDelivery;
    await limit(256);
    const costRaised = (await endToEndRun(2_000)).perDelivery;
    return {
      bare,
      single,
      batch,
      endToEnd: capped.rate,
      endToEndRaised: raised.rate,
      endToEndEvents: total,
      distinctDeliveryIds: Math.min(capped.distinctIds, raised.distinctIds),
      costAt16,
      costRaised,
    };
  } finally {
    await host.close();
  }
}

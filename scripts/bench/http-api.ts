// Publishing as a host does it: over HTTP, with an API key, to the app served by `npm start`
// (scripts/serve.ts), beside a bare node:http server answering 202 to the same client (the HTTP
// limit on this machine). PostgreSQL only: ingest with the app's worker off, then end to end with
// one `npm run worker` and batches of 100.
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { freshPostgres, inParallel, sleep, spawnUntil, stopChild, type TReceiver, wallNow } from "./harness";

const { openDatabase } = await import("../../lib/db/open-database");
const { installDatabase, closeDb } = await import("../../lib/db");
const { createApiKey } = await import("../../lib/server/api-keys/api-keys");
const { createWebhook } = await import("../../lib/server/webhooks/create-webhook");

const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3291);

export type THttpResult = { bare: number; single: number; batch: number; endToEnd: number };

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

  const target = await freshPostgres(pgServerUrl, "hookline_bench_http");
  const db = await openDatabase({ kind: "postgres", url: target.url });
  installDatabase(db);
  const { key } = await createApiKey({ name: "bench" }, null);
  const children: ChildProcess[] = [];
  try {
    // npm start as a user runs it (builds first when the sources changed), its worker off.
    const app = await spawnUntil(
      ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"],
      { PORT: String(PORT), DATABASE_URL: target.url, HOOKLINE_WORKER: "off", NODE_ENV: "production" },
      "Listening",
    );
    children.push(app);
    const base = `http://127.0.0.1:${PORT}/api/v1`;
    const auth = { authorization: `Bearer ${key}` };
    // Ingest: no webhook subscribed yet, so each publish writes its event only.
    const single = await load(`${base}/events`, (i) => JSON.stringify(event(i)), auth, events, 16);
    const batchBody = (b: number) => JSON.stringify({ events: Array.from({ length: 100 }, (_, i) => event(b * 100 + i)) });
    const batch = 100 * (await load(`${base}/events/batch`, batchBody, auth, Math.ceil(events / 100), 4));

    // End to end: one enabled webhook, one `npm run worker`, batches of 100 from 4 clients.
    const hook = await createWebhook({ url: `${receiver.url}/http-api`, events: ["deals.created"] });
    await db.prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    children.push(
      await spawnUntil(
        ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
        { DATABASE_URL: target.url, HOOKLINE_WORKER_CONCURRENCY: "256", NODE_ENV: "production" },
        "delivering",
      ),
    );
    await receiver.reset();
    const total = Math.ceil(events / 100) * 100;
    const t0 = wallNow();
    await load(`${base}/events/batch`, (b) => batchBody(1_000 + b), auth, total / 100, 4);
    await receiver.waitFor(total, 600_000);
    for (;;) {
      if ((await db.prisma.delivery.count({ where: { status: "succeeded" } })) >= total) break;
      await sleep(50);
    }
    const endToEnd = total / ((wallNow() - t0) / 1000);
    return { bare, single, batch, endToEnd };
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await closeDb();
    await target.drop();
  }
}

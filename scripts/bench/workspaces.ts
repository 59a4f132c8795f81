// Part of npm run bench (BENCH_ONLY=workspaces): what 10,000 other workspaces cost one of them. The
// same host setup is measured twice in one run, on PostgreSQL over HTTP as a host and a browser use
// it: first a single site (Default with its webhooks, deliveries and log), then with 10,000 more
// workspaces of 10 enabled webhooks each (100,000 webhooks, each with deliveries in its log). Rows:
// publishing into the one workspace (POST /api/v1/events, 16 clients), its webhook list and its
// delivery log (the API calls the two pages make), and a worker's claim (one statement) with a
// delivery of the one workspace due.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { defaultWorkspaceContext } from "../../lib/db/workspace-context";
import { inParallel, startHost, wallNow } from "./harness";

export type TWorkspacesRow = { publish: number; webhookList: number; deliveryLog: number; claim: number };
export type TWorkspacesResult = { single: TWorkspacesRow; many: TWorkspacesRow; workspaces: number; webhooksEach: number };

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 10_000);
const WEBHOOKS_EACH = 10;
const PUBLISHES = 2_000;
const CALLS = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timed(n: number, call: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchWorkspaces(pgServerUrl: string, receiverUrl: string): Promise<TWorkspacesResult> {
  const host = await startHost(pgServerUrl, "hookline_bench_ws");
  try {
    const ctx = defaultWorkspaceContext(host.db.prisma);
    const { createWebhook } = await import("../../lib/server/webhooks/create-webhook");
    const { claimDeliveries } = await import("../../lib/delivery/claim-deliveries");
    // The single site: ten webhooks subscribed to everything (enabled: each publish makes ten deliveries).
    for (let i = 0; i < WEBHOOKS_EACH; i++) {
      const hook = await createWebhook(ctx, { url: `${receiverUrl}/ws-${i}`, events: ["*"] });
      await host.db.prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    }
    const get = async (path: string) => {
      const res = await fetch(`${host.api}${path}`, { headers: host.headers });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.arrayBuffer();
    };
    const measure = async (): Promise<TWorkspacesRow> => {
      // Warm: the first calls of a run pay for compiling routes and filling caches, not for workspaces.
      for (let i = 0; i < 10; i++) await Promise.all([get("/webhooks"), get("/deliveries"), host.post("/events", { event: "deals.created", data: {} })]);
      const t0 = wallNow();
      await inParallel(
        Array.from({ length: PUBLISHES }, (_, i) => i),
        16,
        async (i) => host.post("/events", { event: "deals.created", data: { i, title: "A deal" } }),
      );
      const publish = PUBLISHES / ((wallNow() - t0) / 1000);
      // Fresh planner statistics in both rounds, as autovacuum would have them after such a burst.
      await host.db.prisma.$executeRawUnsafe("analyze");
      const webhookList = await timed(CALLS, () => get("/webhooks"));
      const deliveryLog = await timed(CALLS, () => get("/deliveries"));
      // A claim with the one workspace's deliveries due (no worker runs: the app's is off), each
      // measured then handed back, so every claim meets the same queue.
      const claim = await timed(CALLS, async () => {
        const claimed = await claimDeliveries(host.db.prisma, "bench", 16, new Date(), 60_000);
        if (claimed.length === 0) throw new Error("nothing was due");
        await host.db.prisma.delivery.updateMany({
          where: { id: { in: claimed.map((c) => c.id) } },
          data: { status: "pending", leaseOwner: null, leaseExpiresAt: null, attemptCount: 0 },
        });
      });
      return { publish, webhookList, deliveryLog, claim };
    };
    const single = await measure();

    // 10,000 more workspaces of ten enabled webhooks each, with a delivered event per webhook in their logs.
    const fill = new pg.Client({ connectionString: host.url });
    await fill.connect();
    await fill.query(`insert into "Workspace" (id, slug, name, "updatedAt")
      select gen_random_uuid(), 'bench-' || i, 'Bench ' || i, now() from generate_series(1, ${WORKSPACES}) i`);
    await fill.query(`insert into "Webhook" (id, "workspaceId", url, "allEvents", "tokenCiphertext", enabled, "updatedAt")
      select gen_random_uuid(), w.id, 'http://127.0.0.1:9/other', true, 'sealed', true, now()
      from "Workspace" w cross join generate_series(1, ${WEBHOOKS_EACH}) where w.slug like 'bench-%'`);
    await fill.query(`insert into "Event" (id, "workspaceId", type, payload, "occurredAt")
      select gen_random_uuid(), w.id, 'deals.created', '{}'::jsonb, now() - interval '1 hour' from "Workspace" w where w.slug like 'bench-%'`);
    await fill.query(`insert into "Delivery" (id, "workspaceId", "webhookId", "eventId", status, "attemptCount", "nextAttemptAt", "lastStatusCode", "createdAt", "completedAt")
      select gen_random_uuid(), h."workspaceId", h.id, e.id, 'succeeded', 1, e."occurredAt", 200, e."occurredAt", e."occurredAt"
      from "Webhook" h join "Event" e on e."workspaceId" = h."workspaceId" where h.url = 'http://127.0.0.1:9/other'`);
    await fill.query("analyze"); // as autovacuum does after a load this size
    await fill.end();
    const many = await measure();
    return { single, many, workspaces: WORKSPACES, webhooksEach: WEBHOOKS_EACH };
  } finally {
    await host.close();
  }
}

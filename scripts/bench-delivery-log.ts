// Part of npm run bench: the delivery log at 1,000,000 deliveries on PostgreSQL, measured at the API
// (the route handlers, API-key auth and JSON included): first page of the global log, a deep page
// by cursor, a filtered page, and a lookup by Delivery UUID. Median of 20 calls each.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { defaultWorkspaceContext } from "../lib/db/workspace-context";

const ROWS = Number(process.env.BENCH_LOG_ROWS ?? 1_000_000);

export async function benchDeliveryLog(pgUrl: string): Promise<string[]> {
  const name = `hookline_bench_log_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = pgUrl.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
  const { installDatabase, closeDb } = await import("../lib/db");
  const { resetEnvForTests } = await import("../lib/env");
  const { openDatabase } = await import("../lib/db/open-database");
  const { createApiKey } = await import("../lib/server/api-keys/api-keys");
  const { createWebhook } = await import("../lib/server/webhooks/create-webhook");
  const list = (await import("../app/api/v1/deliveries/route")).GET;
  const getOne = (await import("../app/api/v1/deliveries/[id]/route")).GET;
  try {
    const db = await openDatabase({ kind: "postgres", url });
    installDatabase(db);
    const hooks: string[] = [];
    for (let i = 0; i < 10; i++) hooks.push((await createWebhook(defaultWorkspaceContext(db.prisma), { url: `https://example.com/h${i}`, events: ["*"] })).id);
    const key = (await createApiKey(defaultWorkspaceContext(db.prisma), { name: "bench" }, null)).key;
    const t0 = performance.now();
    const fill = new pg.Client({ connectionString: url });
    await fill.connect();
    // 100k events, 10 deliveries each (one per webhook), spread over 30 days, with one attempt each.
    await fill.query(`insert into "Event" (id, type, payload, "occurredAt")
      select gen_random_uuid(), (array['deals.created','page.created','post_task'])[1 + i % 3], '{"n":1}'::jsonb, now() - (i * interval '26 seconds')
      from generate_series(1, ${ROWS / 10}) i`);
    await fill.query(
      `insert into "Delivery" (id, "webhookId", "eventId", status, "attemptCount", "nextAttemptAt", "lastStatusCode", "createdAt", "completedAt")
      select gen_random_uuid(), w.id, e.id, (case when random() < 0.95 then 'succeeded' else 'failed' end)::"DeliveryStatus", 1, e."occurredAt",
        case when random() < 0.95 then 200 else 500 end, e."occurredAt", e."occurredAt"
      from "Event" e cross join unnest($1::uuid[]) as w(id)`,
      [hooks],
    );
    // One attempt per delivery, as a delivered log has (its headers and a short body).
    await fill.query(`insert into "Attempt" (id, "deliveryId", number, trigger, "startedAt", "durationMs", "requestHeaders", "statusCode", "responseHeaders", "responseBody", "errorClass")
      select gen_random_uuid(), d.id, 1, 'auto', d."createdAt", 20 + (random() * 80)::int,
        jsonb_build_object('Event', 'deals.created', 'Delivery', d.id, 'webhook-id', d.id, 'webhook-timestamp', extract(epoch from d."createdAt")::bigint::text),
        d."lastStatusCode", '{"content-type":"text/plain"}'::jsonb, case when d."lastStatusCode" = 200 then 'ok' else 'receiver error' end,
        case when d."lastStatusCode" = 200 then null else 'http_status' end
      from "Delivery" d`);
    // The overview's hourly counts, as the attempt recorder would have kept them: 720 hours of 30 days,
    // each hour's first attempts in the 50–100 ms bucket (lib/delivery/delivery-stats.ts).
    await fill.query(`insert into "DeliveryStat" ("workspaceId", hour, succeeded, failed, "firstLatency")
      select "workspaceId", date_trunc('hour', "completedAt"), count(*) filter (where status = 'succeeded'), count(*) filter (where status = 'failed'),
        array_fill(0, array[5]) || array[count(*)::int] || array_fill(0, array[16])
      from "Delivery" group by 1, 2`);
    // A few deliveries still in flight, a rare status the log can be filtered by.
    await fill.query(`update "Delivery" set status = 'in_flight' where id in (select id from "Delivery" order by "createdAt" limit 20)`);
    await fill.query(`analyze`);
    const fillSeconds = (performance.now() - t0) / 1000;
    const { rows } = await fill.query(`select id from "Delivery" order by "createdAt" limit 1 offset ${Math.floor(ROWS / 2)}`);
    await fill.end();
    const uuid = rows[0].id as string;

    const call = async (handler: typeof list, path: string, params: Record<string, string> = {}) => {
      const res = await handler(new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } }), {
        params: Promise.resolve(params),
      });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json();
    };
    const median = async (run: () => Promise<unknown>) => {
      await run();
      const xs: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await run();
        xs.push(performance.now() - t);
      }
      return xs.sort((a, b) => a - b)[10]?.toFixed(1);
    };
    // A cursor half-way down the log: the row at the middle, as a page there would hand out.
    const { encodeCursor } = await import("../lib/server/keyset-cursor");
    const middle = await middleOfLog(url, ROWS);
    const deep = encodeCursor(middle.createdAt, middle.id);
    const first = (await call(list, "/deliveries?limit=50")) as { nextCursor: string };
    const lines = [
      `| first page of the global log (50) | ${await median(() => call(list, "/deliveries?limit=50"))} ms |`,
      `| second page (by cursor) | ${await median(() => call(list, `/deliveries?limit=50&cursor=${first.nextCursor}`))} ms |`,
      `| a page ${(ROWS / 2).toLocaleString("en")} rows deep (by cursor) | ${await median(() => call(list, `/deliveries?limit=50&cursor=${deep}`))} ms |`,
      `| first page, filtered (one webhook, status failed) | ${await median(() => call(list, `/deliveries?limit=50&webhookId=${hooks[3]}&status=failed`))} ms |`,
      `| first page, filtered (status in flight: 20 of ${ROWS.toLocaleString("en")}) | ${await median(() => call(list, "/deliveries?limit=50&status=in_flight"))} ms |`,
      `| first page, filtered (event type post_task) | ${await median(() => call(list, "/deliveries?limit=50&event=post_task"))} ms |`,
      `| first page, filtered (HTTP 5xx) | ${await median(() => call(list, "/deliveries?limit=50&statusClass=5xx"))} ms |`,
      `| lookup by Delivery UUID (with attempts) | ${await median(() => call(getOne, `/deliveries/${uuid}`, { id: uuid }))} ms |`,
    ];
    // GET /metrics reads the queue (due now, the oldest's age) and the webhooks from the database at
    // each scrape: measured with a backlog, 10,000 of the deliveries pending and due.
    const backlog = new pg.Client({ connectionString: url });
    await backlog.connect();
    await backlog.query(`update "Delivery" set status = 'pending', "completedAt" = null, "nextAttemptAt" = now() - interval '1 minute'
      where id in (select id from "Delivery" where status <> 'in_flight' order by "createdAt" desc limit 10000)`);
    await backlog.query(`update "Webhook" set enabled = true`);
    await backlog.query("analyze");
    await backlog.end();
    process.env.HOOKLINE_METRICS_TOKEN = "bench-metrics-token-0123456789";
    resetEnvForTests();
    const metrics = (await import("../app/metrics/route")).GET;
    const scrape = async () => {
      const res = await metrics(new Request("http://localhost/metrics", { headers: { authorization: `Bearer ${process.env.HOOKLINE_METRICS_TOKEN}` } }));
      if (res.status !== 200) throw new Error(`/metrics: HTTP ${res.status}`);
      return res.text();
    };
    if (!(await scrape()).includes("hookline_deliveries_due 10000")) throw new Error("/metrics does not count the backlog");
    lines.push(`| GET /metrics (queue gauges read from the database; 10,000 due) | ${await median(scrape)} ms |`);
    // Settings → Overview's one read, with the same backlog: a day of the 30 in its window, then the
    // worst case for its only count that grows with volume, every event of the log in the last 24 h.
    const overview = (await import("../app/api/v1/overview/route")).GET;
    const readOverview = async () => {
      const { data } = (await call(overview, "/overview")) as { data: { queue: { due: number }; eventsPublished: number } };
      if (data.queue.due !== 10_000) throw new Error(`the overview counts ${data.queue.due} due, not 10,000`);
      return data;
    };
    lines.push(`| GET /api/v1/overview (10,000 due; a day of the 30 in its window) | ${await median(readOverview)} ms |`);
    const recent = new pg.Client({ connectionString: url });
    await recent.connect();
    await recent.query(`update "Event" set "occurredAt" = now() - random() * interval '23 hours'`);
    await recent.query("analyze");
    await recent.end();
    const everyEvent = (await readOverview()).eventsPublished;
    lines.push(`| GET /api/v1/overview (all ${everyEvent.toLocaleString("en")} events in its window) | ${await median(readOverview)} ms |`);
    lines.push(`| (filling ${ROWS.toLocaleString("en")} deliveries took ${fillSeconds.toFixed(0)} s) | |`);
    return lines;
  } finally {
    await closeDb();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The delivery in the middle of the log, newest first. (Epoch ms: the column holds UTC wall time.) */
async function middleOfLog(url: string, rows: number): Promise<{ createdAt: Date; id: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: found } = await client.query(
    `select (extract(epoch from "createdAt") * 1000)::float8 as ms, id from "Delivery" order by "createdAt" desc, id desc limit 1 offset ${Math.floor(rows / 2)}`,
  );
  await client.end();
  return { createdAt: new Date(found[0].ms), id: found[0].id };
}

// Part of npm run bench: the delivery log at 1,000,000 deliveries on PostgreSQL, measured at the API
// (the route handlers, API-key auth and JSON included): first page of the global log, a deep page
// by cursor, a filtered page, and a lookup by Delivery UUID. Median of 20 calls each.
import { randomBytes } from "node:crypto";
import pg from "pg";

const ROWS = Number(process.env.BENCH_LOG_ROWS ?? 1_000_000);

export async function benchDeliveryLog(pgUrl: string): Promise<string[]> {
  const name = `hookline_bench_log_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = pgUrl.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
  const { installDatabase, closeDb } = await import("../lib/db");
  const { openDatabase } = await import("../lib/db/open-database");
  const { createApiKey } = await import("../lib/server/api-keys/api-keys");
  const { createWebhook } = await import("../lib/server/webhooks/create-webhook");
  const list = (await import("../app/api/v1/deliveries/route")).GET;
  const getOne = (await import("../app/api/v1/deliveries/[id]/route")).GET;
  try {
    const db = await openDatabase({ kind: "postgres", url });
    installDatabase(db);
    const hooks: string[] = [];
    for (let i = 0; i < 10; i++) hooks.push((await createWebhook({ url: `https://example.com/h${i}`, events: ["*"] })).id);
    const key = (await createApiKey({ name: "bench" }, null)).key;
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
    const first = (await call(list, "/deliveries?limit=50")) as { nextCursor: string };
    let cursor = first.nextCursor;
    for (let i = 0; i < 200; i++) cursor = ((await call(list, `/deliveries?limit=50&cursor=${cursor}`)) as { nextCursor: string }).nextCursor;
    return [
      `| first page of the global log (50) | ${await median(() => call(list, "/deliveries?limit=50"))} ms |`,
      `| page 202 (by cursor, 10,000 rows deep) | ${await median(() => call(list, `/deliveries?limit=50&cursor=${cursor}`))} ms |`,
      `| first page, filtered (one webhook, status failed) | ${await median(() => call(list, `/deliveries?limit=50&webhookId=${hooks[3]}&status=failed`))} ms |`,
      `| lookup by Delivery UUID (with attempts) | ${await median(() => call(getOne, `/deliveries/${uuid}`, { id: uuid }))} ms |`,
      `| (filling ${ROWS.toLocaleString("en")} deliveries took ${fillSeconds.toFixed(0)} s) | |`,
    ];
  } finally {
    await closeDb();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

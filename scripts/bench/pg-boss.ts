// Baseline (b): the same signed POSTs through pg-boss (a widely used PostgreSQL job queue) on the
// same PostgreSQL: jobs published one by one, as Hookline's events are, fetched by worker processes.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { inParallel, sleep, type TReceiver, wallNow } from "./harness";
import { BENCH_TOKEN } from "./signed-headers";

export type TPgBossShape = { processes: number; workersPerProcess: number; batchSize: number };

/** Jobs/s from the first send until every job is completed, with `publishers` sends in flight. */
export async function benchPgBoss(url: string, receiver: TReceiver, jobs: number, shape: TPgBossShape, publishers: number): Promise<number> {
  const QUEUE = `deliveries_${publishers}`; // a queue per run, so each counts only its own jobs
  const boss = new PgBoss({ connectionString: url, schema: "pgboss_bench" });
  let isStopping = false;
  boss.on("error", (e) => isStopping || console.error("[pg-boss]", e.message));
  await boss.start();
  await boss.createQueue(QUEUE);
  const children: ChildProcess[] = await Promise.all(
    Array.from({ length: shape.processes }, async () => {
      const child = fork(path.join(import.meta.dirname, "pg-boss-worker.ts"), [url, QUEUE, String(shape.workersPerProcess), String(shape.batchSize)], {
        execArgv: ["--import", "tsx"],
      });
      await new Promise((resolve) => child.once("message", resolve));
      return child;
    }),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await receiver.reset();
    const t0 = wallNow();
    await inParallel(
      Array.from({ length: jobs }, (_, i) => i),
      publishers,
      async (i) =>
        void (await boss.send(QUEUE, {
          target: `${receiver.url}/pg-boss`,
          token: BENCH_TOKEN,
          event: "deals.created",
          envelope: {
            id: `${i}`,
            event: "deals.created",
            timestamp: new Date().toISOString(),
            projectId: null,
            data: { i, title: "A deal of some size", amount: 1200 + i },
          },
        })),
    );
    await receiver.waitFor(jobs, 600_000);
    for (;;) {
      const { rows } = await client.query(
        `select count(*)::int as n, max(completed_on) as last from pgboss_bench.job where name = $1 and state = 'completed'`,
        [QUEUE],
      );
      if (rows[0].n >= jobs) return jobs / ((new Date(rows[0].last).getTime() - t0) / 1000);
      await sleep(50);
    }
  } finally {
    isStopping = true;
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    await client.end();
    await boss.stop({ graceful: false, wait: false });
  }
}

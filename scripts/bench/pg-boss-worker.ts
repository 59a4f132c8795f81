// Baseline (b): a pg-boss worker process doing Hookline's job by hand: fetch a job, sign the body
// (both signatures), POST it with undici over kept-alive connections, let pg-boss complete it.
// argv: databaseUrl queue workers batchSize
import PgBoss from "pg-boss";
import { Agent, request } from "undici";
import { signedHeaders } from "./signed-headers";

const [url, queue, workersArg, batchArg] = process.argv.slice(2);
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
type TJob = { target: string; token: string; event: string; envelope: Record<string, unknown> };

async function post(id: string, data: TJob) {
  const body = JSON.stringify(data.envelope);
  const res = await request(data.target, { method: "POST", dispatcher: agent, body, headers: signedHeaders(id, data.event, body, data.token) });
  await res.body.text();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
}

const boss = new PgBoss({ connectionString: url, schema: "pgboss_bench", max: 10 });
let isStopping = false;
boss.on("error", (e) => isStopping || console.error("[pg-boss worker]", e.message));
await boss.start();
for (let i = 0; i < Number(workersArg); i++) {
  await boss.work<TJob>(queue as string, { batchSize: Number(batchArg), pollingIntervalSeconds: 0.5 }, async (jobs) => {
    await Promise.all(jobs.map((job) => post(job.id, job.data)));
  });
}
process.send?.("ready");
process.on("SIGTERM", async () => {
  isStopping = true;
  await boss.stop({ graceful: true, wait: true });
  process.exit(0);
});

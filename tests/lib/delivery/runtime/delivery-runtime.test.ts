import type { ServerResponse } from "node:http";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { startDeliveryRuntime, type TDeliveryRuntime } from "@/lib/delivery/runtime/delivery-runtime";
import { LIVE_SUFFIX } from "@/lib/delivery/runtime/worker-liveness";
import { freshDatabasePerTest, TEST_DATABASES, type TestPostgres } from "../../../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../../../helpers/delivery";
import { livenessLocksHeld } from "../../../helpers/liveness-lock";
import { startReceiver } from "../../../helpers/receiver";
import { until } from "../../../helpers/until";

const runtimes: TDeliveryRuntime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop(0);
});

describe.each(TEST_DATABASES)("the delivery runtime on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const databaseUrl = () => (backend.name === "postgres" ? (db() as TestPostgres).url : null);

  it("delivers what is published, and stops cleanly", async () => {
    const receiver = await startReceiver((_q, res) => res.end("ok"));
    try {
      await enabledWebhook(receiver.url);
      const runtime = await startDeliveryRuntime({ db: db().prisma, databaseUrl: databaseUrl(), config: TEST_CONFIG, log: () => {}, kind: "worker" });
      await publishEvent(defaultWorkspaceContext(db().prisma), { event: "deals.created", data: {} });
      await until(async () => (await db().prisma.delivery.count({ where: { status: "succeeded" } })) === 1, 10_000, "the delivery");
      // Listed among the live workers while it runs (the overview), gone from the list once stopped.
      expect(await db().prisma.workerHeartbeat.findMany()).toMatchObject([{ owner: runtime.worker.owner, kind: "worker", pid: process.pid }]);
      expect(await runtime.stop(1_000)).toBe(0);
      expect(await db().prisma.workerHeartbeat.count()).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("hands back what is still in flight after the grace, and says so", async () => {
    const held: ServerResponse[] = [];
    const receiver = await startReceiver((_q, res) => void held.push(res)); // never answers
    try {
      await enabledWebhook(receiver.url);
      const logs: string[] = [];
      const runtime = await startDeliveryRuntime({
        db: db().prisma,
        databaseUrl: databaseUrl(),
        config: TEST_CONFIG,
        log: (m) => logs.push(m),
        kind: "worker",
      });
      await publishEvent(defaultWorkspaceContext(db().prisma), { event: "deals.created", data: {} });
      await until(async () => held.length === 1, 10_000, "the request");
      expect(await runtime.stop(50)).toBe(1);
      expect(logs).toContain("handed back 1 deliveries still in flight after the grace, for another worker");
      expect(await db().prisma.delivery.findFirstOrThrow()).toMatchObject({ status: "pending", attemptCount: 0 });
    } finally {
      for (const res of held) res.end("late");
      await receiver.close();
    }
  });

  it.runIf(backend.name === "pglite")("embedded: deliveries left in flight by an earlier run are sent again at once, not at their lease's end", async () => {
    const receiver = await startReceiver((_q, res) => res.end("ok"));
    try {
      const hook = await enabledWebhook(receiver.url);
      const { id: eventId } = await db().prisma.event.create({ data: { type: "deals.created", payload: {} } });
      await db().prisma.delivery.create({
        data: { webhookId: hook.id, eventId, status: "in_flight", attemptCount: 1, leaseOwner: "gone:1", leaseExpiresAt: new Date(Date.now() + 3_600_000) },
      });
      const logs: string[] = [];
      runtimes.push(await startDeliveryRuntime({ db: db().prisma, databaseUrl: null, config: TEST_CONFIG, log: (m) => logs.push(m), kind: "worker" }));
      await until(async () => (await db().prisma.delivery.findFirstOrThrow()).status === "succeeded", 10_000, "the resend");
      expect(logs).toContain("sending again 1 deliveries left in flight by the last run");
    } finally {
      await receiver.close();
    }
  });

  it.runIf(backend.name === "postgres")("PostgreSQL: holds a liveness lock (so its leases are reaped if it dies) and gives it up on stop", async () => {
    const admin = new pg.Client({ connectionString: databaseUrl() as string });
    await admin.connect();
    try {
      const locks = () => livenessLocksHeld(admin);
      const runtime = await startDeliveryRuntime({ db: db().prisma, databaseUrl: databaseUrl(), config: TEST_CONFIG, log: () => {}, kind: "worker" });
      expect(runtime.worker.owner.endsWith(LIVE_SUFFIX)).toBe(true);
      await until(async () => (await locks()) === 1, 5_000, "the liveness lock");
      await runtime.stop(0);
      await until(async () => (await locks()) === 0, 5_000, "the lock to be released");
    } finally {
      await admin.end();
    }
  });
});

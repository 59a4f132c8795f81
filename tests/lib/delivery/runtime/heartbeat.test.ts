import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { startHeartbeat } from "@/lib/delivery/runtime/heartbeat";
import { HOOKLINE_VERSION } from "@/lib/version";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { until } from "../../../helpers/until";

describe.each(TEST_DATABASES)("worker heartbeats on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const rows = () => db().prisma.workerHeartbeat.findMany();

  it("writes its row at once and again each interval, with what is in flight, and removes it on stop", async () => {
    let inFlight = 3;
    const stop = await startHeartbeat({ db: db().prisma, owner: "host:1:abc", kind: "app", inFlight: () => inFlight, log: () => {}, intervalMs: 50 });
    const [first] = await rows();
    expect(first).toMatchObject({ owner: "host:1:abc", kind: "app", pid: process.pid, version: HOOKLINE_VERSION, inFlight: 3 });
    inFlight = 7;
    await until(async () => (await rows())[0]?.inFlight === 7, 5_000, "the next beat");
    const [later] = await rows();
    expect(later?.seenAt.getTime()).toBeGreaterThanOrEqual(first?.seenAt.getTime() ?? Number.POSITIVE_INFINITY);
    expect(later?.startedAt).toEqual(first?.startedAt);
    await stop();
    expect(await rows()).toEqual([]);
  });

  it("uses the database's clock, and forgets processes not heard from for a day", async () => {
    await db().prisma.workerHeartbeat.create({
      data: { owner: "gone", kind: "worker", hostname: "h", pid: 1, version: "0", seenAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    await db().prisma.workerHeartbeat.create({
      data: { owner: "killed", kind: "worker", hostname: "h", pid: 2, version: "0", seenAt: new Date(Date.now() - 3_600_000) },
    });
    const stop = await startHeartbeat({ db: db().prisma, owner: "me", kind: "worker", inFlight: () => 0, log: () => {} });
    const [{ now }] = (await db().prisma.$queryRaw<{ now: Date }[]>`select now() at time zone 'UTC' as now`) as [{ now: Date }];
    const all = await db().prisma.workerHeartbeat.findMany({ orderBy: { owner: "asc" } });
    expect(all.map((r) => r.owner)).toEqual(["killed", "me"]);
    expect(Math.abs((all[1]?.seenAt.getTime() ?? 0) - now.getTime())).toBeLessThan(5_000);
    await stop();
  });

  it("says once that a beat failed, and again when it is written, and goes on beating", async () => {
    const logs: string[] = [];
    let isDown = true;
    const real = db().prisma;
    // The database refusing writes for a while (a restart): the same client, its writes failing until it is back.
    const flaky = new Proxy(real, {
      get: (target, key, receiver) =>
        key === "$executeRaw" && isDown ? () => Promise.reject(new Error("connection refused")) : Reflect.get(target, key, receiver),
    }) as PrismaClient;
    const stop = await startHeartbeat({ db: flaky, owner: "me", kind: "worker", inFlight: () => 0, log: (m) => logs.push(m), intervalMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    expect(logs).toEqual(["heartbeat not written: connection refused"]);
    isDown = false;
    await until(async () => (await rows()).length === 1, 5_000, "the beat after the outage");
    expect(logs).toEqual(["heartbeat not written: connection refused", "heartbeat written again"]);
    await stop();
  });
});

import { describe, expect, it } from "vitest";
import { keepConnected, RECONNECT_MAX_MS, reconnectDelayMs } from "@/lib/db/persistent-connection";
import { TEST_DATABASES, type TestPostgres } from "../../helpers/databases";

describe("reconnectDelayMs", () => {
  it("backs off from 250 ms, doubling, to a 10 s cap", () => {
    expect([0, 1, 2, 3].map(reconnectDelayMs)).toEqual([250, 500, 1_000, 2_000]);
    expect(reconnectDelayMs(20)).toBe(RECONNECT_MAX_MS);
  });
});

const postgres = TEST_DATABASES.find((d) => d.name === "postgres");
describe.skipIf(!postgres)("keepConnected", () => {
  it("a set-up that fails counts as a failed connect and is retried until it succeeds", { timeout: 20_000 }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    let setUps = 0;
    const connected: boolean[] = [];
    let lost = 0;
    const logs: string[] = [];
    const stop = await keepConnected(db.url, {
      what: "test",
      log: (m) => logs.push(m),
      setUp: async (client) => {
        setUps++;
        if (setUps < 3) throw new Error(`set-up ${setUps} refused`);
        await client.query("select 1");
      },
      onConnected: (isReconnect) => connected.push(isReconnect),
      onLost: () => lost++,
    });
    try {
      const deadline = Date.now() + 10_000;
      while (connected.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(setUps).toBe(3); // 250 ms, then 500 ms later
      expect(connected).toEqual([false]);
      expect(lost).toBe(2);
      expect(logs).toEqual([
        "test connection lost (set-up 1 refused); reconnecting",
        "test connection lost (set-up 2 refused); reconnecting",
        "test connection restored",
      ]);
    } finally {
      await stop();
      await db.close();
    }
  });

  it("backs off no further than maxDelayMs (the liveness lock is tried again at least every second)", { timeout: 20_000 }, async () => {
    const db = (await postgres?.open()) as TestPostgres;
    let setUps = 0;
    let isConnected = false;
    const startedAt = Date.now();
    const stop = await keepConnected(db.url, {
      what: "test",
      log: () => {},
      maxDelayMs: 250,
      setUp: async () => {
        if (++setUps <= 5) throw new Error("refused");
      },
      onConnected: () => {
        isConnected = true;
      },
    });
    try {
      while (!isConnected && Date.now() - startedAt < 15_000) await new Promise((r) => setTimeout(r, 50));
      expect(isConnected).toBe(true);
      // Five waits of 250 ms; uncapped they would be 250 + 500 + 1,000 + 2,000 + 4,000 ms.
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await stop();
      await db.close();
    }
  });
});

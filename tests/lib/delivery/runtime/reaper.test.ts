import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { ownersWithoutLock, reapLeases } from "@/lib/delivery/runtime/reap-leases";
import { REAP_EVERY_MS, REAP_GRACE_MS, Reaper, startReaper } from "@/lib/delivery/runtime/reaper";
import { LIVENESS_RECONNECT_MAX_MS } from "@/lib/delivery/runtime/worker-liveness";

// The reaper's policy, with its two statements (tested in reap-leases.test.ts) stubbed: what the
// database answers is scripted, and the clock is moved by hand.
vi.mock("@/lib/delivery/runtime/reap-leases", () => ({ ownersWithoutLock: vi.fn(), reapLeases: vi.fn() }));
const free = vi.mocked(ownersWithoutLock);
const reap = vi.mocked(reapLeases);
const db = {} as PrismaClient;

describe("the reaper", () => {
  let t = 0;
  let isHeld = true;
  let epoch = 1;
  const liveness = { owner: "me#live", isHeld: () => isHeld, epoch: () => epoch };
  const now = () => new Date(t);
  beforeEach(() => {
    t = 1_000_000;
    isHeld = true;
    epoch = 1;
    free.mockReset().mockResolvedValue([]);
    reap.mockReset().mockImplementation(async (_db, _self, owners) => owners.length);
  });

  const STEP = REAP_EVERY_MS;
  /** Looks every REAP_EVERY_MS for `ms`, as the running reaper does; returns what it took. */
  async function looks(reaper: Reaper, ms: number): Promise<number> {
    let taken = 0;
    for (const end = t + ms; t <= end; t += STEP) taken += await reaper.tick();
    return taken;
  }

  it("waits longer than a living worker needs to take its lock again before taking its leases", async () => {
    expect(REAP_GRACE_MS).toBeGreaterThanOrEqual(3 * LIVENESS_RECONNECT_MAX_MS);
    const reaper = new Reaper({ db, liveness, now });
    free.mockResolvedValue(["gone#live"]);
    expect(await looks(reaper, REAP_GRACE_MS - STEP)).toBe(0);
    expect(reap).not.toHaveBeenCalled();
    expect(await reaper.tick()).toBe(1); // free for the whole grace
    expect(reap).toHaveBeenCalledWith(db, "me#live", ["gone#live"], now());
  });

  it("forgets a worker whose lock was taken again: a later loss starts a new grace", async () => {
    const reaper = new Reaper({ db, liveness, now });
    free.mockResolvedValue(["blip#live"]);
    await looks(reaper, REAP_GRACE_MS - 2 * STEP);
    free.mockResolvedValueOnce([]); // it reconnected
    await reaper.tick();
    t += STEP;
    expect(await looks(reaper, REAP_GRACE_MS - STEP)).toBe(0);
    expect(await reaper.tick()).toBe(1);
  });

  it("judges no one while its own lock is lost, and after taking it again starts over", async () => {
    const reaper = new Reaper({ db, liveness, now });
    free.mockResolvedValue(["other#live"]);
    await looks(reaper, REAP_GRACE_MS - 2 * STEP);
    isHeld = false; // the same blip cut us off too
    expect(await looks(reaper, 3_000)).toBe(0);
    expect(free).toHaveBeenCalledTimes(REAP_GRACE_MS / STEP - 1); // no look while cut off
    isHeld = true;
    epoch = 2;
    expect(await looks(reaper, REAP_GRACE_MS - STEP)).toBe(0);
    expect(await reaper.tick()).toBe(1);
  });

  it("starts over when its lock was lost and taken again between two looks (the epoch moved)", async () => {
    const reaper = new Reaper({ db, liveness, now });
    free.mockResolvedValue(["other#live"]);
    await looks(reaper, REAP_GRACE_MS - STEP);
    epoch = 2; // lost and taken again within a second: isHeld never looked false
    expect(await reaper.tick()).toBe(0);
    expect(await looks(reaper, REAP_GRACE_MS - STEP)).toBe(0);
    expect(await reaper.tick()).toBe(1);
  });

  it("starts over when the database says its own lock is free, or a look fails", async () => {
    const reaper = new Reaper({ db, liveness, now });
    free.mockResolvedValue(["other#live"]);
    await looks(reaper, REAP_GRACE_MS - STEP);
    free.mockResolvedValueOnce(null); // our drop is not reported to us yet
    expect(await reaper.tick()).toBe(0);
    await looks(reaper, REAP_GRACE_MS - STEP);
    free.mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));
    await expect(reaper.tick()).rejects.toThrow("terminated");
    expect(await looks(reaper, REAP_GRACE_MS - STEP)).toBe(0);
    expect(await reaper.tick()).toBe(1);
  });

  describe("running", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it("looks on a timer, one look at a time, and says whom it took over", async () => {
      const logs: string[] = [];
      const takenOver: number[] = [];
      free.mockResolvedValue(["gone#live"]);
      reap.mockResolvedValue(7);
      const stop = startReaper({
        db,
        liveness,
        now: () => new Date(Date.now()),
        everyMs: 100,
        graceMs: 1_000,
        log: (m) => logs.push(m),
        onTakenOver: (n) => takenOver.push(n),
      });
      await vi.advanceTimersByTimeAsync(1_150);
      expect(takenOver).toEqual([7]);
      expect(logs).toEqual(["took over 7 deliveries of a worker that is gone (its liveness lock free for 1 s)"]);

      let finish: (owners: string[]) => void = () => {};
      free.mockReturnValueOnce(new Promise((r) => (finish = r)));
      const calls = free.mock.calls.length;
      await vi.advanceTimersByTimeAsync(500); // one slow look: no second one meanwhile
      expect(free.mock.calls.length).toBe(calls + 1);
      finish([]);
      await stop();
    });
  });
});

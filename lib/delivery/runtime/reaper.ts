import "server-only";
import type { PrismaClient } from "../../db";
import { ownersWithoutLock, reapLeases } from "./reap-leases";
import { LIVENESS_RECONNECT_MAX_MS, type TLiveness } from "./worker-liveness";

/**
 * Each look is one query (about 0.2 % of a core for a worker, measured): two a second keep an idle
 * worker under 1 % of a core and a takeover within the 2 s issue 10 promised (docs/benchmarks.md).
 */
export const REAP_EVERY_MS = 500;
/**
 * How long a worker's lock must be seen free, without a break, before its leases are taken. A live
 * worker whose session was cut tries again every LIVENESS_RECONNECT_MAX_MS (250 ms), and a try takes
 * milliseconds on a database that answers the reaper: a second leaves room for four tries. A dead
 * worker's deliveries are still taken over in about 1.5 s, far sooner than its leases would expire;
 * a worker cut off for longer while still sending is fenced (its late results are recorded as such,
 * and its requests keep counting toward the webhook's limits until their leases would have ended).
 */
export const REAP_GRACE_MS = 4 * LIVENESS_RECONNECT_MAX_MS;

type TReaperOptions = {
  db: PrismaClient;
  liveness: Pick<TLiveness, "owner" | "isHeld" | "epoch">;
  graceMs?: number;
  now?: () => Date;
};

/**
 * Decides whom to reap, one look at a time. It judges others only while it holds its own lock, and
 * only from an unbroken series of looks: after any break (its own lock lost and taken again, a look
 * that failed) it starts over, since the others may be reconnecting from the same blip.
 */
export class Reaper {
  /** Owner → when its lock was first seen free in the current unbroken series of looks. */
  private readonly freeSince = new Map<string, number>();
  private seenEpoch = -1;

  constructor(private readonly options: TReaperOptions) {}

  /** One look; returns how many deliveries it took over. */
  async tick(): Promise<number> {
    const { db, liveness } = this.options;
    if (!liveness.isHeld() || liveness.epoch() !== this.seenEpoch) {
      this.freeSince.clear();
      this.seenEpoch = liveness.epoch();
      if (!liveness.isHeld()) return 0;
    }
    const now = (this.options.now ?? (() => new Date()))();
    let owners: string[] | null;
    try {
      owners = await ownersWithoutLock(db, liveness.owner, now);
    } catch (error) {
      this.freeSince.clear();
      throw error;
    }
    if (owners === null) {
      this.freeSince.clear(); // the database says our lock is free: our own drop is not yet reported
      return 0;
    }
    for (const owner of this.freeSince.keys()) if (!owners.includes(owner)) this.freeSince.delete(owner);
    const graceMs = this.options.graceMs ?? REAP_GRACE_MS;
    const due: string[] = [];
    for (const owner of owners) {
      const since = this.freeSince.get(owner) ?? now.getTime();
      this.freeSince.set(owner, since);
      if (now.getTime() - since >= graceMs) due.push(owner);
    }
    if (due.length === 0) return 0;
    for (const owner of due) this.freeSince.delete(owner);
    return reapLeases(db, liveness.owner, due, now);
  }
}

type TStartOptions = TReaperOptions & { everyMs?: number; log: (m: string) => void; onTakenOver?: (n: number) => void };

/** Looks every `everyMs` (REAP_EVERY_MS), one look at a time; the returned stop waits for the last. */
export function startReaper(options: TStartOptions): () => Promise<void> {
  const reaper = new Reaper(options);
  const graceS = (options.graceMs ?? REAP_GRACE_MS) / 1_000;
  let looking: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (looking) return;
    looking = reaper
      .tick()
      .then((n) => {
        if (n === 0) return;
        options.log(`took over ${n} deliveries of a worker that is gone (its liveness lock free for ${graceS} s)`);
        options.onTakenOver?.(n);
      })
      .catch((error: Error) => options.log(`reaping failed: ${error.message}`))
      .finally(() => {
        looking = null;
      });
  }, options.everyMs ?? REAP_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await looking;
  };
}

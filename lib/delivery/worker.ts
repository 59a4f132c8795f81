import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { PrismaClient } from "../db";
import { attemptDelivery } from "./attempt-delivery";
import { claimDeliveries, nextDueAt, releaseLeases, type TClaimed } from "./claim-deliveries";
import type { TDeliveryConfig } from "./config";
import { AttemptRecorder } from "./record-attempts";
import { pruneHistory } from "./runtime/prune-history";
import { wakeups } from "./runtime/wakeup";
import type { TResolver } from "./ssrf/safe-lookup";

const PRUNE_EVERY_MS = 60 * 60_000;
/**
 * Longest sleep of an idle worker: it sleeps until the next delivery is due (or a lease expires),
 * woken sooner by a publish, a NOTIFY or a free slot; this cap bounds what a missed wake-up costs.
 */
export const MAX_IDLE_MS = 30_000;
/**
 * Shortest sleep: deliveries that are due but were not claimed are held back by their webhook's
 * in-flight cap or rate limit. A slot freed in this process wakes the loop at once; this bounds how
 * long a slot freed by another worker, or a rate window that moved on, waits to be used.
 */
const HELD_BACK_MS = 100;
/** How much of its concurrency a worker keeps claimed ahead, waiting for a slot. */
const AHEAD_FRACTION = 0.25;
/** A delivery claimed ahead starts only while its lease outlasts a whole attempt by this much (or half the lease's excess over the timeout, if less). */
const LEASE_MARGIN_MS = 5_000;

export type TWorkerOptions = {
  db: PrismaClient;
  config: TDeliveryConfig;
  owner?: string;
  now?: () => Date;
  resolver?: TResolver;
  /** Longest idle sleep (default MAX_IDLE_MS); the next due time or a wake-up ends it sooner. */
  pollMs?: number;
  /** false: ignore publish wake-ups and rely on polling alone (the benchmark's baseline). */
  isWakeable?: boolean;
  /**
   * A live-marked worker's liveness (lib/delivery/runtime/worker-liveness.ts): it claims only while
   * its lock is held, since every reaper takes a lease whose owner's lock stays free for dead.
   */
  isLive?: () => boolean;
  log?: (message: string) => void;
};

/**
 * The background job module's loop: claim due deliveries in batches, send them concurrently outside
 * any transaction, record them with fenced updates (grouped: see AttemptRecorder), sleep until woken
 * (publish, LISTEN/NOTIFY, a free slot) or the poll interval passes.
 *
 * A slot waits only on the network. It is free the moment its request is over: the attempt is
 * recorded after that, off the slot, and the claim does not count this worker's answered-but-not-yet-
 * recorded deliveries against the webhook's limits (their requests are closed). And the worker keeps
 * a batch claimed ahead (AHEAD_FRACTION of its concurrency, within every limit: a lease counts as in
 * flight from its claim), started the moment a slot frees, with no claim in between.
 */
export class DeliveryWorker {
  readonly owner: string;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  /** Every delivery this worker has started, until its attempt is recorded. */
  private readonly tasks = new Map<string, Promise<void>>();
  /** Of those, the ones whose request is still open: the slots in use. */
  private readonly open = new Set<string>();
  /** Claimed ahead, waiting for a slot, with when they were claimed (ms). */
  private readonly ahead: { claimed: TClaimed; at: number }[] = [];
  private readonly aheadSize: number;
  private readonly leaseMarginMs: number;
  /** How many the last claim asked for. */
  private lastWanted = 0;
  private readonly recorder: AttemptRecorder;
  private isRunning = false;
  private lastPrunedAt = 0;
  private pruning: Promise<void> | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A wake-up that came while the loop was busy (not sleeping): the next sleep returns at once. */
  private isWakePending = false;
  private readonly onWake = () => {
    this.isWakePending = true;
    this.wake?.();
  };

  constructor(private readonly options: TWorkerOptions) {
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.config.leaseMs;
    this.recorder = new AttemptRecorder(options.db, options.config.failureLimit);
    this.aheadSize = Math.ceil(options.config.concurrency * AHEAD_FRACTION);
    // A fresh claim always qualifies: the lease is longer than the timeout (the configuration says so).
    this.leaseMarginMs = Math.min(LEASE_MARGIN_MS, (this.leaseMs - options.config.timeoutMs) / 2);
  }

  /** Deliveries started and not yet recorded. */
  get inFlightCount(): number {
    return this.tasks.size;
  }

  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    if (this.options.isWakeable !== false) wakeups().on("wake", this.onWake);
    this.loop = this.run();
  }

  /**
   * Graceful stop: claim nothing more and let in-flight attempts finish and be recorded, for at most
   * `graceMs`. What is still in flight then is handed back (pending again, its attempt not counted),
   * so another worker sends it now rather than when its lease expires; the answer to an attempt
   * that comes in after that is not recorded (the lease is no longer ours). Resolves with how many
   * were handed back.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<number> {
    this.isRunning = false;
    wakeups().off("wake", this.onWake);
    this.onWake();
    await this.loop;
    // Claimed ahead and never started: straight back.
    const unstarted = this.ahead.splice(0).map((a) => a.claimed.id);
    await releaseLeases(this.options.db, this.owner, unstarted).catch((error: Error) => this.log(`handing back unstarted deliveries failed: ${error.message}`));
    let timer: NodeJS.Timeout | undefined;
    const isSettled = await Promise.race([
      Promise.allSettled([...this.tasks.values(), this.pruning]).then(() => true),
      ...(Number.isFinite(graceMs) ? [new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))] : []),
    ]);
    clearTimeout(timer);
    if (isSettled) return 0;
    return releaseLeases(this.options.db, this.owner, [...this.open]);
  }

  /** Claims what is due now and starts sending it; returns how many it claimed. */
  async tick(): Promise<number> {
    if (this.options.isLive?.() === false) {
      // Without our liveness lock other workers may reap our leases: start none of those held ahead.
      this.ahead.length = 0;
      return 0;
    }
    const want = this.wanted();
    this.lastWanted = want;
    if (want <= 0) return 0;
    const answered = [...this.tasks.keys()].filter((id) => !this.open.has(id));
    const now = this.now();
    const claimed = await claimDeliveries(this.options.db, this.owner, want, now, this.leaseMs, answered);
    if (!this.isRunning && this.loop) {
      // stop() raced with this claim: hand the rows straight back rather than start them.
      await releaseLeases(
        this.options.db,
        this.owner,
        claimed.map((c) => c.id),
      );
      return 0;
    }
    for (const c of claimed) this.ahead.push({ claimed: c, at: now.getTime() });
    this.fillSlots();
    return claimed.length;
  }

  /** How many a claim should ask for now: the free slots, and a batch ahead. */
  private wanted(): number {
    return this.options.config.concurrency - this.open.size + this.aheadSize - this.ahead.length;
  }

  /** For tests and scripts: claim and send everything due now, and wait until it is recorded. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tick();
      total += n;
      while (this.tasks.size > 0) await Promise.allSettled(this.tasks.values());
      if (n === 0 && this.ahead.length === 0) return total;
    }
  }

  /** Starts deliveries claimed ahead in the free slots; one whose lease would not outlast its attempt goes back. */
  private fillSlots(): void {
    const stale: string[] = [];
    while (this.isRunning || !this.loop) {
      if (this.open.size >= this.options.config.concurrency) break;
      const next = this.ahead.shift();
      if (!next) break;
      const leaseLeftMs = next.at + this.leaseMs - this.now().getTime();
      if (leaseLeftMs < this.options.config.timeoutMs + this.leaseMarginMs) stale.push(next.claimed.id);
      else this.begin(next.claimed);
    }
    if (stale.length > 0)
      void releaseLeases(this.options.db, this.owner, stale).catch((error: Error) =>
        this.log(`handing back ${stale.length} stale claims failed: ${error.message}`),
      );
  }

  private begin(claimed: TClaimed): void {
    this.open.add(claimed.id);
    const answered = () => {
      if (!this.open.delete(claimed.id)) return;
      this.fillSlots();
      this.onWake();
    };
    const task = attemptDelivery(
      { recorder: this.recorder, owner: this.owner, config: this.options.config, now: this.now, resolver: this.options.resolver },
      claimed,
      undefined,
      answered,
    )
      .then(({ recorded }) => {
        if (recorded === "late")
          this.log(`delivery ${claimed.id}: another worker took it over while it was sent; attempt ${claimed.attemptCount} logged as late`);
        if (recorded === "dropped") this.log(`delivery ${claimed.id}: result not recorded (its lease is no longer ours, or it was recorded already)`);
      })
      .catch((error: Error) => this.log(`delivery ${claimed.id} could not be sent (it is retried when its lease expires): ${error.message}`))
      .finally(() => {
        answered(); // a request that threw before its answer
        this.tasks.delete(claimed.id);
        this.onWake();
      });
    this.tasks.set(claimed.id, task);
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? MAX_IDLE_MS;
    while (this.isRunning) {
      let claimed = 0;
      this.isWakePending = false; // this tick sees everything published before it
      try {
        claimed = await this.tick();
      } catch (error) {
        this.log(`claim failed, retrying in 1 s: ${(error as Error).message}`);
        await this.sleep(1_000);
        continue;
      }
      this.pruneIfDue(); // in the background: deliveries go on while history is pruned
      const isFull = this.wanted() <= 0;
      // A claim that got all it asked for may have left more due; one that got less took what the
      // limits allow, and the next answer or publish wakes the loop: no second claim to find nothing.
      if (claimed > 0 && claimed >= this.lastWanted && !isFull) continue;
      // Work is flowing (this claim got some and requests are open): their answers wake the loop,
      // so it does not ask the database for the next due time on every refill.
      const isFlowing = claimed > 0 && this.open.size > 0;
      await this.sleep(isFlowing ? HELD_BACK_MS : await this.idleSleepMs(pollMs, isFull));
    }
  }

  /** Until the next delivery is due, at most `pollMs`; with every slot busy, a freed slot wakes us. */
  private async idleSleepMs(pollMs: number, isFull: boolean): Promise<number> {
    if (isFull || this.options.isWakeable === false) return pollMs;
    try {
      const next = await nextDueAt(this.options.db);
      if (!next) return pollMs;
      return Math.max(HELD_BACK_MS, Math.min(pollMs, next.getTime() - this.now().getTime()));
    } catch {
      return Math.min(pollMs, 1_000); // the claim will say what is wrong
    }
  }

  /** Retention, once an hour per worker (several workers pruning the same rows is harmless). */
  private pruneIfDue(): void {
    const now = this.now().getTime();
    if (this.pruning || now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    this.pruning = pruneHistory(this.options.db, this.options.config.retentionDays, this.now(), this.options.config.auditRetentionDays)
      .then((pruned) => {
        if (pruned > 0) this.log(`pruned ${pruned} deliveries older than ${this.options.config.retentionDays} days`);
      })
      .catch((error: Error) => this.log(`pruning failed (tried again in an hour): ${error.message}`))
      .finally(() => {
        this.pruning = null;
      });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.isWakePending || !this.isRunning) {
        this.isWakePending = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.error(`[hookline worker] ${m}`)))(message);
  }
}

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
 * The background job module's loop: claim due deliveries in batches (up to the in-flight limit),
 * send them concurrently outside any transaction, record them with fenced updates (grouped: see
 * AttemptRecorder), sleep until woken (publish, LISTEN/NOTIFY, a free slot) or the poll interval passes.
 */
export class DeliveryWorker {
  readonly owner: string;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly inFlight = new Map<string, Promise<void>>();
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
  }

  get inFlightCount(): number {
    return this.inFlight.size;
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
    let timer: NodeJS.Timeout | undefined;
    const isSettled = await Promise.race([
      Promise.allSettled([...this.inFlight.values(), this.pruning]).then(() => true),
      ...(Number.isFinite(graceMs) ? [new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))] : []),
    ]);
    clearTimeout(timer);
    if (isSettled) return 0;
    return releaseLeases(this.options.db, this.owner, [...this.inFlight.keys()]);
  }

  /** Claims what is due now and starts sending it; returns how many it claimed. */
  async tick(): Promise<number> {
    if (this.options.isLive?.() === false) return 0;
    const free = this.options.config.concurrency - this.inFlight.size;
    const claimed = await claimDeliveries(this.options.db, this.owner, free, this.now(), this.leaseMs);
    if (!this.isRunning && this.loop) {
      // stop() raced with this claim: hand the rows straight back rather than start them.
      await releaseLeases(
        this.options.db,
        this.owner,
        claimed.map((c) => c.id),
      );
      return 0;
    }
    for (const c of claimed) this.begin(c);
    return claimed.length;
  }

  /** For tests and scripts: claim and send everything due now, and wait until it is recorded. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tick();
      total += n;
      await Promise.allSettled(this.inFlight.values());
      if (n === 0) return total;
    }
  }

  private begin(claimed: TClaimed): void {
    const task = attemptDelivery(
      { recorder: this.recorder, owner: this.owner, config: this.options.config, now: this.now, resolver: this.options.resolver },
      claimed,
    )
      .then(({ recorded }) => {
        if (recorded === "late")
          this.log(`delivery ${claimed.id}: another worker took it over while it was sent; attempt ${claimed.attemptCount} logged as late`);
        if (recorded === "dropped") this.log(`delivery ${claimed.id}: result not recorded (its lease is no longer ours, or it was recorded already)`);
      })
      .catch((error: Error) => this.log(`delivery ${claimed.id} could not be sent (it is retried when its lease expires): ${error.message}`))
      .finally(() => {
        this.inFlight.delete(claimed.id);
        this.onWake();
      });
    this.inFlight.set(claimed.id, task);
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
      const isFull = this.inFlight.size >= this.options.config.concurrency;
      if (claimed > 0 && !isFull) continue; // more may be due right now
      await this.sleep(await this.idleSleepMs(pollMs, isFull));
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
    this.pruning = pruneHistory(this.options.db, this.options.config.retentionDays, this.now())
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

import "server-only";

// Slows repeated failed sign-ins per account ("email:…") and per client address ("ip:…"). After
// FREE_FAILURES (ADDRESS_FREE_FAILURES for an address) failures
// inside WINDOW_MS, each further failure doubles a lock-out (1 s, 2 s, 4 s ... up to MAX_LOCK_MS).
// State is per process: with several app processes each keeps its own count (see README).

export const FREE_FAILURES = 5;
/** A client address is often shared (an office behind NAT): it gets more room than one account. */
export const ADDRESS_FREE_FAILURES = 20;
const freeFailuresFor = (key: string) => (key.startsWith("ip:") ? ADDRESS_FREE_FAILURES : FREE_FAILURES);
export const WINDOW_MS = 15 * 60_000;
export const MAX_LOCK_MS = 15 * 60_000;
const MAX_KEYS = 10_000;

type Entry = { failures: number; firstAt: number; lockedUntil: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must still wait before trying these keys; 0 when allowed. */
  retryAfterMs(keys: string[]): number {
    const t = this.now();
    return Math.max(0, ...keys.map((k) => (this.live(k, t)?.lockedUntil ?? 0) - t));
  }

  recordFailure(keys: string[]): void {
    const t = this.now();
    for (const key of keys) {
      const entry = this.live(key, t) ?? { failures: 0, firstAt: t, lockedUntil: 0 };
      entry.failures += 1;
      const over = entry.failures - freeFailuresFor(key);
      if (over > 0) entry.lockedUntil = t + Math.min(MAX_LOCK_MS, 1_000 * 2 ** (over - 1));
      this.entries.delete(key); // re-insert: Map order is then oldest-first for eviction
      this.entries.set(key, entry);
    }
    while (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  private live(key: string, t: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && t - entry.firstAt > WINDOW_MS && t >= entry.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

import "server-only";

// Slows repeated failed sign-ins. Keys name what is counted:
//   "pair:<email>|<address>"  one account from one client address      (PAIR_FREE_FAILURES)
//   "ip:<address>"            one client address, across all accounts  (ADDRESS_FREE_FAILURES)
//   "email:<email>"           one account, from all addresses together (ACCOUNT_FREE_FAILURES)
// Past its free failures inside WINDOW_MS, each further failure doubles a lock-out (1 s, 2 s, 4 s ...
// up to MAX_LOCK_MS). Counting the pair rather than the bare account means a stranger guessing at
// the admin's password locks out the stranger, not the admin; the account-wide count, set high,
// still stops a guesser spread over many addresses. State is per process (see README).

export const PAIR_FREE_FAILURES = 5;
/** A client address is often shared (an office behind NAT): it gets more room than one account. */
export const ADDRESS_FREE_FAILURES = 20;
export const ACCOUNT_FREE_FAILURES = 100;
export const WINDOW_MS = 15 * 60_000;
export const MAX_LOCK_MS = 15 * 60_000;
const MAX_KEYS = 10_000;

function freeFailuresFor(key: string): number {
  if (key.startsWith("ip:")) return ADDRESS_FREE_FAILURES;
  if (key.startsWith("email:")) return ACCOUNT_FREE_FAILURES;
  return PAIR_FREE_FAILURES;
}

/** The keys one sign-in attempt counts against. */
export function throttleKeys(email: string, clientAddress: string | null): string[] {
  const address = clientAddress ?? "unknown";
  return [`pair:${email}|${address}`, `ip:${address}`, `email:${email}`];
}

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

  /** Takes back one failure recorded in advance (the attempt turned out right). */
  forgiveOne(keys: string[]): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      entry.failures = Math.max(0, entry.failures - 1);
      if (entry.failures <= freeFailuresFor(key)) entry.lockedUntil = 0;
    }
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

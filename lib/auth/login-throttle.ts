import "server-only";
import { getDb, type PrismaClient } from "../db";

// Slows repeated failed sign-ins. Keys name what is counted:
//   "pair:<email>|<address>"  one account from one client address      (PAIR_FREE_FAILURES)
//   "ip:<address>"            one client address, across all accounts  (ADDRESS_FREE_FAILURES)
//   "email:<email>"           one account, from all untrusted clients  (ACCOUNT_FREE_FAILURES)
//   "device:<id>"             one browser that has signed in to this account before (PAIR_FREE_FAILURES)
// and failed API credentials (an OAuth client's secret, Worksection's hash or access token):
//   "client:<client_id>"      one OAuth client, from all addresses            (CLIENT_FREE_FAILURES)
//   "api-ip:<address>"        one client address, across all credentials      (API_ADDRESS_FREE_FAILURES)
// No key holds what was tried: a client_id is public, a secret, hash or token never is a key.
// Sign-in counts each attempt in advance (tryAttempt); API credentials are counted only when they
// fail (retryAfterMs, then recordFailure: lib/api/credential-throttle.ts says why).
// After its free failures, each further failure locks the key for a doubling time (1 s, 2 s, 4 s ...
// up to MAX_LOCK_MS), counted from that failure: the attempt after the 5th failure is refused.
// A key is forgotten WINDOW_MS after its last failure.
//
// A browser with a valid device cookie (lib/auth/device-cookie.ts) is counted only under its own
// device key (OWASP's device cookies): a password spray from many addresses, which locks the
// account for every untrusted client, never locks out the owner in the browser they have used.
//
// The counts live in the database, so every app process behind a load balancer shares them; each
// change is one statement, so parallel attempts in several processes are all counted.

export const PAIR_FREE_FAILURES = 5;
/** A client address is often shared (an office behind NAT): it gets more room than one account. */
export const ADDRESS_FREE_FAILURES = 20;
export const ACCOUNT_FREE_FAILURES = 100;
/**
 * A program with a wrong secret fails the same way every time: ten tries is plenty to notice. Its
 * client_id is public, so anyone can spend that client's own count: that one gets more room.
 */
export const API_ADDRESS_FREE_FAILURES = 10;
export const CLIENT_FREE_FAILURES = 50;
export const WINDOW_MS = 15 * 60_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** How often one process deletes forgotten rows. */
const PRUNE_EVERY_MS = 60_000;

export function freeFailuresFor(key: string): number {
  if (key.startsWith("ip:")) return ADDRESS_FREE_FAILURES;
  if (key.startsWith("email:")) return ACCOUNT_FREE_FAILURES;
  if (key.startsWith("api-ip:")) return API_ADDRESS_FREE_FAILURES;
  if (key.startsWith("client:")) return CLIENT_FREE_FAILURES;
  return PAIR_FREE_FAILURES;
}

/** How long `failures` failures on `key` lock it, counted from the last of them. */
export function lockMsAfter(key: string, failures: number): number {
  const over = failures - freeFailuresFor(key);
  return over < 0 ? 0 : Math.min(MAX_LOCK_MS, 1_000 * 2 ** over);
}

/** The keys one sign-in attempt counts against: its device's alone when the browser is trusted. */
export function throttleKeys(email: string, clientAddress: string | null, deviceId: string | null = null): string[] {
  if (deviceId) return [`device:${deviceId}`];
  const address = clientAddress ?? "unknown";
  return [`pair:${email}|${address}`, `ip:${address}`, `email:${email}`];
}

// A client_id that could be one (RFC 6749's VSCHAR, as long as a stored one): anything else names no
// client, and a NUL could not even be stored in a key.
const CLIENT_ID = /^[\x20-\x7e]{1,200}$/;

/**
 * The keys a check of an API credential counts against: the caller's address, and the OAuth client
 * it names when it names one (Worksection's hash and access tokens name no one until they match).
 */
export function credentialThrottleKeys(clientAddress: string | null, clientId: string | null = null): string[] {
  const keys = [`api-ip:${clientAddress ?? "unknown"}`];
  if (clientId !== null && CLIENT_ID.test(clientId)) keys.push(`client:${clientId}`);
  return keys;
}

export class LoginThrottle {
  private lastPruneAt = 0;
  constructor(
    private readonly db: () => Promise<PrismaClient> = getDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the caller must still wait before trying these keys; 0 when allowed. */
  async retryAfterMs(keys: string[]): Promise<number> {
    const t = this.now();
    const rows = await (await this.db()).loginThrottle.findMany({
      where: { key: { in: keys }, lastFailureAt: { gt: new Date(t - WINDOW_MS) } },
    });
    return Math.max(0, ...rows.map((r) => r.lastFailureAt.getTime() + lockMsAfter(r.key, r.failures) - t));
  }

  /**
   * Counts an attempt against every key, unless one of them is locked: resolves 0 when the attempt
   * may go ahead (it is already counted as a failure, to be forgiven if it succeeds), else the
   * milliseconds to wait. The lock test sits in the UPDATE's own WHERE, which PostgreSQL re-checks
   * on the newest row after waiting for a concurrent update: of a parallel burst, exactly the free
   * number of attempts get through, whichever processes they arrive at.
   */
  async tryAttempt(keys: string[]): Promise<number> {
    const t = new Date(this.now());
    const windowStart = new Date(t.getTime() - WINDOW_MS);
    const frees = keys.map(freeFailuresFor);
    const db = await this.db();
    await db.$executeRaw`
      insert into "LoginThrottle" ("key", "failures", "lastFailureAt")
      select k, 0, ${windowStart} from unnest(${keys}::text[]) as k
      on conflict ("key") do nothing`;
    const counted = await db.$queryRaw<{ key: string }[]>`
      update "LoginThrottle" l set
        "failures" = case when l."lastFailureAt" <= ${windowStart} then 1 else l."failures" + 1 end,
        "lastFailureAt" = ${t}
      from unnest(${keys}::text[], ${frees}::int[]) as u(k, f)
      where l."key" = u.k
        and not (l."lastFailureAt" > ${windowStart} and l."failures" >= u.f
          and l."lastFailureAt" + least(${MAX_LOCK_MS}, 1000 * power(2, l."failures" - u.f)) * interval '1 millisecond' > ${t})
        -- A refused attempt counts against none of its keys (else hammering a locked pair would
        -- run up the account's count for free). Under a parallel burst this snapshot may be a
        -- moment old; the row's own test above is what holds exactly.
        and not exists (
          select 1 from "LoginThrottle" o join unnest(${keys}::text[], ${frees}::int[]) as v(k, f) on o."key" = v.k
          where o."lastFailureAt" > ${windowStart} and o."failures" >= v.f
            and o."lastFailureAt" + least(${MAX_LOCK_MS}, 1000 * power(2, o."failures" - v.f)) * interval '1 millisecond' > ${t})
      returning l."key"`;
    await this.pruneNowAndThen(db, t.getTime());
    if (counted.length === keys.length) return 0;
    return Math.max(1, await this.retryAfterMs(keys));
  }

  /**
   * Counts one failure against every key, in one statement, after the fact: for callers that read
   * retryAfterMs first and count only what failed (API credentials), so a success costs one read and
   * is never counted. The next read sees the lock this failure makes. A failure landing on a key
   * that a parallel one has just locked is counted too: it was a real try, and it lengthens the lock.
   */
  async recordFailure(keys: string[]): Promise<void> {
    const t = new Date(this.now());
    const windowStart = new Date(t.getTime() - WINDOW_MS);
    const db = await this.db();
    // distinct: ON CONFLICT cannot update one row twice in a statement.
    await db.$executeRaw`
      insert into "LoginThrottle" as l ("key", "failures", "lastFailureAt")
      select k, 1, ${t} from (select distinct unnest(${keys}::text[]) as k) as u
      on conflict ("key") do update set
        "failures" = case when l."lastFailureAt" <= ${windowStart} then 1 else l."failures" + 1 end,
        "lastFailureAt" = ${t}`;
    await this.pruneNowAndThen(db, t.getTime());
  }

  /** Deletes forgotten rows, at most once a PRUNE_EVERY_MS per process (not a statement per attempt). */
  private async pruneNowAndThen(db: PrismaClient, t: number): Promise<void> {
    if (t - this.lastPruneAt <= PRUNE_EVERY_MS) return;
    this.lastPruneAt = t;
    // A minute's margin: a row tryAttempt has just inserted (at the window's start) for a parallel attempt survives.
    await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(t - WINDOW_MS - PRUNE_EVERY_MS) } } });
  }

  /** Takes back one failure recorded in advance (the attempt turned out right). */
  async forgiveOne(keys: string[]): Promise<void> {
    await (await this.db()).loginThrottle.updateMany({ where: { key: { in: keys }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }

  async recordSuccess(keys: string[]): Promise<void> {
    await (await this.db()).loginThrottle.deleteMany({ where: { key: { in: keys } } });
  }
}

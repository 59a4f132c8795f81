import "server-only";
import type { PrismaClient } from "../../db";
import { keepConnected } from "./persistent-connection";

// Fast takeover on PostgreSQL. Each standalone worker holds a session advisory lock named after its
// lease owner on a connection of its own, and marks its owner name with LIVE_SUFFIX. PostgreSQL
// releases the lock the moment that session ends, SIGKILL or lost machine included (once TCP
// keepalive notices, for a vanished host). Every worker reaps once a second: a live-marked lease
// whose lock nobody holds belongs to a dead worker, and is made claimable at once instead of when
// it expires. The lease stays the fallback (embedded mode, owners without the mark, hash collisions).

export const LIVE_SUFFIX = "#live";
/** The advisory lock's first key ("hklv"); the second is hashtext(owner). */
export const LIVENESS_LOCK_CLASS = 0x686b6c76;
export const REAP_EVERY_MS = 1_000;

/**
 * Holds `owner`'s liveness lock until the returned stop is called, taking it again on a new session
 * after a dropped connection (lib/delivery/runtime/persistent-connection.ts).
 */
export function holdLiveness(url: string, owner: string, log: (m: string) => void): Promise<() => Promise<void>> {
  return keepConnected(url, {
    what: "liveness",
    log,
    setUp: async (client) => {
      await client.query("select pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_CLASS, owner]);
    },
  });
}

/**
 * Makes the in-flight deliveries of dead live-marked workers claimable now; returns how many.
 * One statement, cheap when nothing is in flight (the status index).
 */
export async function reapDeadLeases(db: PrismaClient): Promise<number> {
  return db.$executeRaw`
    update "Delivery" d set "leaseExpiresAt" = to_timestamp(0)
    where d.status = 'in_flight' and d."leaseOwner" like ${`%${LIVE_SUFFIX}`} and d."leaseExpiresAt" > to_timestamp(0)
      and not exists (
        select 1 from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = ${LIVENESS_LOCK_CLASS}::int4::oid and l.objid = hashtext(d."leaseOwner")::oid)`;
}

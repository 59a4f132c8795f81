import "server-only";
import { keepConnected } from "../../db/persistent-connection";
import { Prisma } from "../../generated/prisma/client";

// Fast takeover on PostgreSQL. Each standalone worker holds a session advisory lock named after its
// lease owner on a connection of its own, and marks its owner name with LIVE_SUFFIX. PostgreSQL
// releases the lock the moment that session ends, SIGKILL or lost machine included (once TCP
// keepalive notices, for a vanished host). Reapers (reaper.ts) take over the leases of a live-marked
// owner whose lock stays free. A free lock alone proves nothing: a database blip ends every session
// at once, the living workers' included, and each needs a moment to take its lock again; hence the
// reaper's grace, and the fencing of leases (reap-leases.ts). The lease stays the fallback
// (embedded mode, owners without the mark, hash collisions).

export const LIVE_SUFFIX = "#live";
/** The advisory lock's first key ("hklv"); the second is hashtext(owner). */
export const LIVENESS_LOCK_CLASS = 0x686b6c76;
/**
 * A lost liveness connection is tried again at least this often (the shared default backs off to
 * 10 s): the reaper's grace has to outlast the wait between two tries, so the wait is kept short.
 */
export const LIVENESS_RECONNECT_MAX_MS = 250;

/** Whether some session holds `owner`'s liveness lock; `owner` is a parameter or a column. */
export function isLockHeldSql(owner: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`exists (
    select 1 from pg_locks l
    where l.locktype = 'advisory' and l.granted and l.objsubid = 2
      and l.database = (select oid from pg_database where datname = current_database())
      and l.classid = ${LIVENESS_LOCK_CLASS}::int4::oid and l.objid = hashtext(${owner})::oid)`;
}

export type TLiveness = {
  owner: string;
  /** Whether our lock is held now, as far as this process knows (a drop counts once pg reports it). */
  isHeld: () => boolean;
  /** How many times the lock was taken: a change between two looks means it was lost in between. */
  epoch: () => number;
  stop: () => Promise<void>;
};

type TLivenessOptions = { log: (m: string) => void; onHeld?: () => void };

/**
 * Holds `owner`'s liveness lock until stopped, taking it again on a new session after a dropped
 * connection (lib/db/persistent-connection.ts). `onHeld` runs each time it is taken.
 */
export async function holdLiveness(url: string, owner: string, { log, onHeld }: TLivenessOptions): Promise<TLiveness> {
  let isHeld = false;
  let epoch = 0;
  const held = () => {
    if (isHeld) return;
    isHeld = true;
    epoch++;
    onHeld?.();
  };
  const stop = await keepConnected(url, {
    what: "liveness",
    log,
    maxDelayMs: LIVENESS_RECONNECT_MAX_MS,
    setUp: async (client) => {
      const { rows } = await client.query<{ isTaken: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as "isTaken"', [LIVENESS_LOCK_CLASS, owner]);
      if (rows[0]?.isTaken) return;
      // Another session has it: our previous one, which the server has not yet found dead (a half-open
      // TCP connection). Until it does, that session still vouches for us, so we go on; this one waits.
      held();
      await client.query("select pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_CLASS, owner]);
    },
    onConnected: held,
    onLost: () => {
      isHeld = false;
    },
  });
  return { owner, isHeld: () => isHeld, epoch: () => epoch, stop };
}

import "server-only";
import os from "node:os";
import type { PrismaClient } from "../../db";
import { HOOKLINE_VERSION } from "../../version";

// Which delivery processes are alive, for the overview: each running delivery runtime writes its row
// of WorkerHeartbeat every HEARTBEAT_MS, by the database's clock (so machines whose clocks differ
// still agree), and deletes it when it stops cleanly. A process killed outright leaves its row, which
// stops being fresh: shown as "not heard from since …" for a day, then removed by the next beat of
// any process.

export const HEARTBEAT_MS = 10_000;
/** A row fresher than this is a live process: three beats, so one slow write does not mark it dead. */
export const ALIVE_WITHIN_MS = 3 * HEARTBEAT_MS;
/** Rows not refreshed for this long are removed. */
const FORGET_AFTER_MS = 86_400_000;

/** Where the delivery runtime runs: in the app process (HOOKLINE_WORKER=embedded) or `npm run worker`. */
export type TWorkerKind = "app" | "worker";

export type THeartbeatOptions = {
  db: PrismaClient;
  owner: string;
  kind: TWorkerKind;
  /** Requests open now. */
  inFlight: () => number;
  log: (message: string) => void;
  intervalMs?: number;
};

/** Beats once now (so the process shows at once), then every interval; the returned stop removes the row. */
export async function startHeartbeat({ db, owner, kind, inFlight, log, intervalMs = HEARTBEAT_MS }: THeartbeatOptions): Promise<() => Promise<void>> {
  let isFailing = false;
  const beat = async () => {
    try {
      await db.$executeRaw`
        insert into "WorkerHeartbeat" (owner, kind, hostname, pid, version, "inFlight", "startedAt", "seenAt")
        values (${owner}, ${kind}, ${os.hostname()}, ${process.pid}, ${HOOKLINE_VERSION}, ${inFlight()}, now() at time zone 'UTC', now() at time zone 'UTC')
        on conflict (owner) do update set "inFlight" = excluded."inFlight", "seenAt" = excluded."seenAt"`;
      await db.$executeRaw`delete from "WorkerHeartbeat" where "seenAt" < now() at time zone 'UTC' - ${FORGET_AFTER_MS} * interval '1 millisecond'`;
      if (isFailing) log("heartbeat written again");
      isFailing = false;
    } catch (error) {
      // A database blip: the next beat tries again. Said once, not every ten seconds.
      if (!isFailing) log(`heartbeat not written: ${(error as Error).message}`);
      isFailing = true;
    }
  };
  await beat();
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = beat();
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await beating;
    await db.workerHeartbeat.deleteMany({ where: { owner } }).catch((error: Error) => log(`heartbeat not removed: ${error.message}`));
  };
}

import "server-only";
import { getDb } from "../db";
import { isBootReady } from "./boot-gate";

/** How long readiness waits for the database's answer before it says not ready. */
export const READY_QUERY_TIMEOUT_MS = 2_000;

export type TReadiness = { isReady: true } | { isReady: false; reason: string };

/**
 * Whether this process should get traffic (GET /api/health/ready): its boot has applied the
 * migrations and the database answers now. Never opens the database itself: before boot() has,
 * that is boot's job, and a second opener of the embedded database would be refused.
 */
export async function readiness(): Promise<TReadiness> {
  if (!isBootReady()) return { isReady: false, reason: "starting: the database is being opened and migrated" };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), READY_QUERY_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([(await getDb()).$queryRaw`select 1`, timedOut]);
    if (answer === "timeout") return { isReady: false, reason: `the database did not answer within ${READY_QUERY_TIMEOUT_MS / 1000} s` };
    return { isReady: true };
  } catch {
    return { isReady: false, reason: "the database is unavailable" };
  } finally {
    clearTimeout(timer);
  }
}

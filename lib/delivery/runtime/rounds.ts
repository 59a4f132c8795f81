import "server-only";

/**
 * Runs `round` now and then `intervalMs` after each one ends (never two at once), until the
 * returned stop, which waits for a round in progress. A round that throws is logged and the next
 * one comes as usual. The worker's side jobs (notices, recovery probes) run this way.
 */
export function startRounds(what: string, round: () => Promise<unknown>, intervalMs: number, log: (m: string) => void): () => Promise<void> {
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = round()
      .catch((error: Error) => log(`${what}: ${error.message}`))
      .finally(() => {
        if (!isStopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return async () => {
    isStopped = true;
    clearTimeout(timer);
    await running;
  };
}

// How a Hookline process stops (the server, `npm run worker`, `next dev`): the first SIGTERM or
// SIGINT runs its clean stop and exits 0 (1 if the clean-up failed); another one while that runs
// exits at once with 1, for an operator who does not want to wait for the grace. Signals within
// REPEAT_WINDOW_MS of the first count as that one: Ctrl-C in a terminal reaches the process twice
// under npm (from the terminal, and forwarded by npm itself).

export const REPEAT_WINDOW_MS = 1_000;

export function handleStopSignals(name: string, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt !== null) {
      if (Date.now() - firstAt < REPEAT_WINDOW_MS) return;
      console.error(`[${name}] ${signal} again: stopping now`);
      process.exit(1);
    }
    firstAt = Date.now();
    stop(signal).then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`[${name}] clean-up failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

// When a webhook Hookline disabled is probed, if it may recover by itself: 1 min, 5 min, 30 min and
// 2 h after it was disabled (each after the last probe), then every 6 h for 3 days; then it stays
// disabled for an admin. Pure: the prober (./probe-webhooks.ts) and its tests use it.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait before each probe: the first after the disable, each later one after the probe before. */
export const PROBE_DELAYS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, ...Array.from({ length: 12 }, () => 6 * HOUR)];

/** When the probe after `probesDone` probes is due, counting from `after`; null when they are used up. */
export function nextProbeAt(after: Date, probesDone: number): Date | null {
  const delay = PROBE_DELAYS_MS[probesDone];
  return delay === undefined ? null : new Date(after.getTime() + delay);
}

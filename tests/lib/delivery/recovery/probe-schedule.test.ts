import { describe, expect, it } from "vitest";
import { nextProbeAt, PROBE_DELAYS_MS } from "@/lib/delivery/recovery/probe-schedule";

describe("the recovery probes' schedule", () => {
  it("1 min, 5 min, 30 min, 2 h, then every 6 h for 3 days, then no more", () => {
    const t = new Date("2026-12-07T00:00:00Z");
    const minutes = (n: number) => (nextProbeAt(t, n)?.getTime() ?? 0) / 60_000 - t.getTime() / 60_000;
    expect([0, 1, 2, 3, 4, 15].map(minutes)).toEqual([1, 5, 30, 120, 360, 360]);
    expect(PROBE_DELAYS_MS.slice(4).reduce((a, b) => a + b, 0)).toBe(3 * 86_400_000);
    expect(nextProbeAt(t, 16)).toBeNull();
  });
});

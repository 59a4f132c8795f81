import { describe, expect, it } from "vitest";
import { recoveryText } from "@/components/webhooks/recovery-summary";

const none = { nextProbeAt: null, probes: 0, lastProbeAt: null, lastProbeResult: null };
const at = "2026-12-07T13:59:00.000Z";
const time = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

describe("automatic recovery in words", () => {
  it("off, on and waiting, probing, recovered, given up", () => {
    expect(recoveryText({ autoRecover: false, enabled: false, recovery: none })).toBe("Off");
    expect(recoveryText({ autoRecover: true, enabled: true, recovery: none })).toBe("On: probes start if Hookline disables it");
    const probing = { nextProbeAt: "2026-12-07T14:05:00.000Z", probes: 2, lastProbeAt: at, lastProbeResult: "the URL answered HTTP 503" };
    expect(recoveryText({ autoRecover: true, enabled: false, recovery: probing })).toBe(
      `Next probe ${time("2026-12-07T14:05:00.000Z")} · last ${time(at)}: the URL answered HTTP 503 (2 probes so far)`,
    );
    expect(recoveryText({ autoRecover: true, enabled: true, recovery: { ...none, probes: 3, lastProbeAt: at, lastProbeResult: "passed" } })).toBe(
      `On · recovered ${time(at)} after 3 probes`,
    );
    expect(recoveryText({ autoRecover: true, enabled: false, recovery: { ...none, probes: 16, lastProbeAt: at, lastProbeResult: "timed out" } })).toBe(
      "Stopped after 16 probes: enable it yourself",
    );
  });
});

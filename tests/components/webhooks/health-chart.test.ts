import { describe, expect, it } from "vitest";
import { spanLabel, tickEvery } from "@/components/webhooks/health-chart";

describe("the health chart's labels", () => {
  it("puts half as many ticks on a narrow chart (a phone), so that labels never run into each other", () => {
    expect(tickEvery("24h", 900)).toBe(3);
    expect(tickEvery("24h", 318)).toBe(6);
    expect(tickEvery("7d", 900)).toBe(4);
    expect(tickEvery("7d", 318)).toBe(8);
    expect(tickEvery("24h", 0)).toBe(3); // not measured yet
  });

  it("names a bucket's day with its month and its span in the tooltip", () => {
    const label = spanLabel("2026-12-06T21:00:00.000Z", "24h");
    expect(label).toMatch(/Dec/);
    expect(label).toMatch(/ – /);
  });
});

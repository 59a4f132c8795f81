import { describe, expect, it } from "vitest";
import { durationText, rateText, sinceText } from "@/components/overview/format";

describe("the overview's numbers in words", () => {
  it("says a duration in the unit that reads best, and a dash when unknown", () => {
    expect(durationText(null)).toBe("—");
    expect(durationText(85.4)).toBe("85 ms");
    expect(durationText(1_234)).toBe("1.2 s");
    expect(durationText(42_000)).toBe("42 s");
    expect(durationText(240_000)).toBe("4 min");
    expect(durationText(7_200_000)).toBe("2 h");
    expect(durationText(86_400_000)).toBe("1 d");
  });

  it("rounds a success rate down, so 99.99% never reads as 100%", () => {
    expect(rateText(null)).toBe("—");
    expect(rateText(1)).toBe("100%");
    expect(rateText(0.75)).toBe("75%");
    expect(rateText(0.9999)).toBe("99.9%");
  });

  it("names the window's start as today or yesterday, in the viewer's zone and clock", () => {
    const clock = (d: Date) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const yesterday = new Date(2026, 11, 6, 16, 0);
    expect(sinceText(yesterday.toISOString(), new Date(2026, 11, 7, 15, 30))).toBe(`since ${clock(yesterday)} yesterday`);
    const midnight = new Date(2026, 11, 7, 0, 0);
    expect(sinceText(midnight.toISOString(), new Date(2026, 11, 7, 23, 10))).toBe(`since ${clock(midnight)} today`);
  });
});

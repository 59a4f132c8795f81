import { afterEach, describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "@/lib/client/local-time";

// Node re-reads TZ when it changes, so the viewer's zone can be set per test.
const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe("datetime-local ↔ ISO instants", () => {
  it("uses the offset of the date itself across a daylight-saving change", () => {
    process.env.TZ = "Europe/Berlin";
    // Berlin moved to summer time (UTC+2) on 2026-03-29; a date before that is UTC+1.
    expect(toLocalInput("2026-03-28T12:00:00.000Z")).toBe("2026-03-28T13:00");
    expect(toLocalInput("2026-03-30T12:00:00.000Z")).toBe("2026-03-30T14:00");
    expect(fromLocalInput("2026-03-28T13:00")).toBe("2026-03-28T12:00:00.000Z");
    expect(fromLocalInput("2026-03-30T14:00")).toBe("2026-03-30T12:00:00.000Z");
  });
  it("round-trips to the minute, and refuses what is empty or unreadable", () => {
    process.env.TZ = "America/New_York";
    expect(fromLocalInput(toLocalInput("2026-11-24T21:45:00.000Z"))).toBe("2026-11-24T21:45:00.000Z");
    expect(toLocalInput(undefined)).toBe("");
    expect(toLocalInput("nonsense")).toBe("");
    expect(fromLocalInput("")).toBeUndefined();
    expect(fromLocalInput("not a date")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { HOOKLINE_VERSION } from "@/lib/version";
import pkg from "../../package.json";

describe("version", () => {
  it("HOOKLINE_VERSION matches package.json", () => {
    expect(HOOKLINE_VERSION).toBe(pkg.version);
  });
});

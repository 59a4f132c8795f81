import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/env-schema";
import { env, resetEnvForTests } from "@/lib/env";
import { restoreEnv } from "../helpers/restore-env";

describe("env", () => {
  const saved = { ...process.env };
  afterEach(() => {
    restoreEnv(saved);
    resetEnvForTests();
  });

  it("parses process.env once: later changes are not seen until the copy is forgotten", () => {
    process.env.HOOKLINE_TIMEOUT_MS = "1234";
    resetEnvForTests();
    const first = env();
    expect(first.HOOKLINE_TIMEOUT_MS).toBe(1234);
    process.env.HOOKLINE_TIMEOUT_MS = "4321";
    expect(env()).toBe(first);
    resetEnvForTests();
    expect(env().HOOKLINE_TIMEOUT_MS).toBe(4321);
  });

  it("throws a ConfigError naming the variable, and parses again on the next call", () => {
    process.env.HOOKLINE_TIMEOUT_MS = "soon";
    resetEnvForTests();
    expect(() => env()).toThrow(ConfigError);
    expect(() => env()).toThrow(/HOOKLINE_TIMEOUT_MS/);
    process.env.HOOKLINE_TIMEOUT_MS = "2000";
    expect(env().HOOKLINE_TIMEOUT_MS).toBe(2000);
  });
});

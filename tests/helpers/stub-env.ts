import { afterEach, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";

/** Sets env vars for the rest of a test, re-reading the validated env (lib/env.ts). */
export function configureEnv(vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  resetEnvForTests();
}

/** Puts every stubbed var back after each test of the calling file, and re-reads the env. */
export function unstubEnvAfterEach(): void {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });
}

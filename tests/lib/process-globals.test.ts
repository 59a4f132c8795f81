import { describe, expect, it, vi } from "vitest";

describe("processGlobals", () => {
  it("is one object per process, whichever copy of the module asks (Next and dist/serve.js each load their own)", async () => {
    const first = await import("@/lib/process-globals");
    vi.resetModules(); // a second copy of the module, as a second bundle would load it
    const second = await import("@/lib/process-globals");
    expect(second).not.toBe(first);
    expect(second.processGlobals()).toBe(first.processGlobals());
    first.processGlobals().ownsSignals = true;
    expect(second.processGlobals().ownsSignals).toBe(true);
    first.processGlobals().ownsSignals = undefined;
  });

  it("lives under one globalThis name only", async () => {
    const { processGlobals } = await import("@/lib/process-globals");
    const globals = processGlobals();
    const names = Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith("__hookline"));
    expect(names).toEqual(["__hookline"]);
    expect((globalThis as unknown as Record<string, unknown>).__hookline).toBe(globals);
  });
});

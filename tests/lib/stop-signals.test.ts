import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPEAT_WINDOW_MS } from "@/lib/stop-signals";

// A real process with handleStopSignals, its clean stop taking `stopMs`: signals are sent for real.
function child(stopMs: number, doesStopFail = false) {
  const script = `
    import { handleStopSignals } from "./lib/stop-signals.ts";
    handleStopSignals("t", async (signal) => {
      console.log("stopping on " + signal);
      await new Promise((r) => setTimeout(r, ${stopMs}));
      if (${doesStopFail}) throw new Error("boom");
      console.log("stopped");
    });
    console.log("ready");
    setInterval(() => {}, 1000);`;
  const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve) => proc.stdout.on("data", () => out.includes("ready") && resolve()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, ready, exited, output: () => out };
}

describe("handleStopSignals", () => {
  it("SIGTERM runs the clean stop to its end, then exits 0", async () => {
    const c = child(300);
    await c.ready;
    c.proc.kill("SIGTERM");
    expect(await c.exited).toBe(0);
    expect(c.output()).toContain("stopping on SIGTERM");
    expect(c.output()).toContain("stopped");
  });

  it("a second signal during the stop exits 1 at once; one right after the first is the same stop (Ctrl-C under npm arrives twice)", async () => {
    const c = child(30_000);
    await c.ready;
    c.proc.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 100));
    c.proc.kill("SIGINT");
    await new Promise((r) => setTimeout(r, REPEAT_WINDOW_MS + 200));
    expect(c.proc.exitCode).toBeNull(); // still stopping
    const at = Date.now();
    c.proc.kill("SIGTERM");
    expect(await c.exited).toBe(1);
    expect(Date.now() - at).toBeLessThan(2_000);
    expect(c.output()).toContain("[t] SIGTERM again: stopping now");
    expect(c.output()).not.toContain("stopped");
  });

  it("a clean stop that fails says so and exits 1", async () => {
    const c = child(10, true);
    await c.ready;
    c.proc.kill("SIGTERM");
    expect(await c.exited).toBe(1);
    expect(c.output()).toContain("[t] clean-up failed: boom");
  });
});

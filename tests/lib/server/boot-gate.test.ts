import { describe, expect, it, vi } from "vitest";
import { acquireDataDirLock } from "@/lib/db/data-dir-lock";
import { boot } from "@/lib/server/boot";
import { reportBootReady, reportBootStarted, waitForBoot } from "@/lib/server/boot-gate";
import { bootEnvPerTest } from "../../helpers/boot-env";

// What scripts/serve.ts relies on: only a boot that opened the database opens the gate. That serve.ts
// waits for it before it listens is tested on the production build (tests/e2e/hardening.spec.ts).
/** "ready" when the gate opens within `ms`, else "waiting". */
const settled = (gate: Promise<void>, ms = 300) =>
  Promise.race([gate.then(() => "ready"), new Promise<string>((resolve) => setTimeout(() => resolve("waiting"), ms))]);

const dataDir = bootEnvPerTest("hookline-boot-gate-", 3998);

describe("boot gate", () => {
  it("opens when the boot reports ready, before or after the server starts waiting", async () => {
    const early = waitForBoot(1_000);
    expect(await settled(early, 50)).toBe("waiting");
    reportBootReady();
    expect(await settled(early)).toBe("ready");
    expect(await settled(waitForBoot(1_000))).toBe("ready");
  });

  it("refuses when the boot never starts (instrumentation did not run)", async () => {
    await expect(waitForBoot(50)).rejects.toThrow(/boot\(\) did not start within 0.05 s/);
  });

  it("keeps waiting for a boot that started, however long its migrations take", async () => {
    reportBootStarted();
    const gate = waitForBoot(50);
    expect(await settled(gate, 200)).toBe("waiting");
    reportBootReady();
    expect(await settled(gate)).toBe("ready");
  });

  it("a boot that opened the database opens it", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    await boot();
    expect(await settled(waitForBoot(1_000))).toBe("ready");
  });

  it("a data directory in use: the boot exits 1 with one line naming the holder, and the gate stays shut", async () => {
    const lock = acquireDataDirLock(dataDir()); // this test process plays the running server
    try {
      const error = vi.spyOn(console, "error").mockImplementation(() => {});
      vi.spyOn(process, "exit").mockImplementation(((code: number) => {
        throw new Error(`exit ${code}`);
      }) as never);
      const gate = waitForBoot(50);
      await expect(boot()).rejects.toThrow("exit 1");
      expect(error.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(new RegExp(`^\\[hookline\\] Hookline cannot start: The embedded database in .* is in use by process ${process.pid} on `)),
      ]);
      expect(await settled(gate)).toBe("waiting");
    } finally {
      lock.release();
    }
  });
});

import { describe, expect, it } from "vitest";
import { startRounds } from "@/lib/delivery/runtime/rounds";
import { until } from "../../../helpers/until";

describe("startRounds", () => {
  it("runs a round at once and again after each ends, never two at once; a failing round is logged and the next comes", async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const logs: string[] = [];
    const stop = startRounds(
      "side job",
      async () => {
        running++;
        most = Math.max(most, running);
        rounds++;
        await new Promise((r) => setTimeout(r, 15));
        running--;
        if (rounds === 2) throw new Error("a blip");
      },
      5,
      (m) => logs.push(m),
    );
    await until(() => rounds >= 4, 5_000, "four rounds");
    await stop();
    const after = rounds;
    await new Promise((r) => setTimeout(r, 50));
    expect(rounds).toBe(after); // stopped: no more
    expect(most).toBe(1);
    expect(logs).toEqual(["side job: a blip"]);
  });

  it("stop waits for the round in progress", async () => {
    let isDone = false;
    const stop = startRounds(
      "slow",
      async () => {
        await new Promise((r) => setTimeout(r, 100));
        isDone = true;
      },
      1_000,
      () => {},
    );
    await new Promise((r) => setTimeout(r, 10));
    await stop();
    expect(isDone).toBe(true);
  });
});

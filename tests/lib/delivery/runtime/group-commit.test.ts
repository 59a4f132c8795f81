import { describe, expect, it } from "vitest";
import { GroupCommit } from "@/lib/delivery/runtime/group-commit";

describe("GroupCommit", () => {
  it("writes a lone item at once, and what arrives during a write together in the next", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const commit = new GroupCommit<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r)); // the first write is slow
      return items.map((n) => `ok ${n}`);
    });
    const first = commit.add(1);
    const rest = [2, 3, 4].map((n) => commit.add(n));
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual(["ok 1", "ok 2", "ok 3", "ok 4"]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("splits a failed batch so that only the bad item fails", async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>(async (items) => {
      calls++;
      if (items.includes(13)) throw new Error("13 cannot be written");
      return items.map((n) => n * 2);
    });
    const hold = commit.add(0); // occupies the first write, so the next ones batch up
    const results = await Promise.allSettled([11, 12, 13, 14].map((n) => commit.add(n)));
    await hold;
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([22, 24, "13 cannot be written", 28]);
    expect(calls).toBe(1 + 1 + 4);
  });

  it("keeps batches to the largest size given", async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => commit.add(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b)).toBe(8);
  });
});

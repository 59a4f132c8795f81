import { describe, expect, it } from "vitest";
import { collectGarbage } from "@/lib/collect-garbage";

describe("collectGarbage", () => {
  it("collects what nothing refers to any more, at once", async () => {
    // Made in a job of its own: a WeakRef keeps its target alive until the job that made it ends.
    const ref = await new Promise<WeakRef<object>>((resolve) => setTimeout(() => resolve(new WeakRef({ dropped: true })), 0));
    await new Promise((r) => setTimeout(r, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});

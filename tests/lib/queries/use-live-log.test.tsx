// @vitest-environment jsdom
import type { InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { TDeliveryPage } from "@/lib/client/deliveries-api";
import { countNewer, mergeInPlace } from "@/lib/queries/use-live-log";
import type { TDelivery } from "@/lib/validation/delivery";

const d = (id: string, status: TDelivery["status"] = "pending") => ({ id, status }) as TDelivery;

describe("the live log's arithmetic", () => {
  it("counts the rows above the first one already shown, or all of them when none is shown", () => {
    expect(countNewer([d("c"), d("b"), d("a")], [d("a")])).toBe(2);
    expect(countNewer([d("a")], [d("a")])).toBe(0);
    expect(countNewer([d("y"), d("x")], [d("a")])).toBe(2);
    expect(countNewer([d("y")], [])).toBe(1);
  });

  it("replaces shown rows by their newer copies in place, adding and moving none", () => {
    const data: InfiniteData<TDeliveryPage, string | null> = {
      pages: [
        { data: [d("b"), d("a")], nextCursor: "x" },
        { data: [d("z")], nextCursor: null },
      ],
      pageParams: [null, "x"],
    };
    const merged = mergeInPlace(data, [d("new"), d("a", "succeeded"), d("z", "failed")]);
    expect(merged.pages.map((p) => p.data.map((r) => `${r.id}:${r.status}`))).toEqual([["b:pending", "a:succeeded"], ["z:failed"]]);
    expect(merged.pageParams).toEqual([null, "x"]);
  });
});

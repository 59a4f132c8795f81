// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { LiveContext, type TLiveListener } from "@/lib/queries/live-context";
import { useLiveTopic } from "@/lib/queries/use-live-topic";

describe("useLiveTopic", () => {
  it("calls the latest callback for its topic only, and unsubscribes on unmount; outside LiveUpdates it does nothing", () => {
    const listeners = new Set<TLiveListener>();
    const value = {
      subscribe: (l: TLiveListener) => {
        listeners.add(l);
        return () => void listeners.delete(l);
      },
    };
    const wrapper = ({ children }: { children: ReactNode }) => <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
    const calls: string[] = [];
    const view = renderHook(({ name }) => useLiveTopic("deliveries", () => calls.push(name)), { wrapper, initialProps: { name: "first" } });
    view.rerender({ name: "second" });
    for (const l of listeners) l(new Set(["webhooks"]));
    for (const l of listeners) l(new Set(["deliveries", "webhooks"]));
    expect(calls).toEqual(["second"]);
    view.unmount();
    expect(listeners.size).toBe(0);
    expect(() => renderHook(() => useLiveTopic("deliveries", () => {})).unmount()).not.toThrow();
  });
});

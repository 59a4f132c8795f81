// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useReplayWebhook } from "@/lib/queries/use-replay-webhook";

type TCall = { url: string; method: string; body: unknown };

/** A fresh QueryClient and a fetch stub answering like the API (`reply`), recording each request. */
function setup(reply: (url: string, method: string) => Response | Promise<Response>) {
  const calls: TCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? "GET";
      calls.push({ url, method, body: init.body ? JSON.parse(String(init.body)) : undefined });
      return reply(url, method);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { calls, client, wrapper };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("useReplayWebhook", () => {
  it("POSTs { since } to /webhooks/{id}/replay, exposes the count, and invalidates every delivery query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ requeued: 7 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useReplayWebhook("w1"), { wrapper });
    act(() => result.current.mutate("2026-01-01T00:00:00.000Z"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/replay", method: "POST", body: { since: "2026-01-01T00:00:00.000Z" } }]);
    expect(result.current.data).toEqual({ requeued: 7 });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
  });

  it("invalidates the delivery queries when the server refuses, too", async () => {
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body" } }, { status: 400 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useReplayWebhook("w1"), { wrapper });
    act(() => result.current.mutate("yesterday"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid body" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useWebhookStats } from "@/lib/queries/use-webhook-stats";

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

const buckets = [{ at: "2026-01-01T00:00:00.000Z", succeeded: 4, failed: 1 }];

describe("useWebhookStats", () => {
  it("reads /webhooks/{id}/stats for the range, unwrapped, under deliveryKeys.stats(id, range)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: buckets }));
    const { result } = renderHook(() => useWebhookStats("w1", "7d"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/stats?range=7d", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(buckets);
    expect(client.getQueryData(deliveryKeys.stats("w1", "7d"))).toEqual(buckets);
  });

  it("re-reads once a minute", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { calls, wrapper } = setup(() => Response.json({ data: buckets }));
    const { result } = renderHook(() => useWebhookStats("w1", "24h"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.url).toBe("/api/v1/webhooks/w1/stats?range=24h");
  });
});

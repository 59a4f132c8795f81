// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useApiKeys } from "@/lib/queries/use-api-keys";

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

describe("useApiKeys", () => {
  it("reads /api-keys, unwrapped, under apiKeyKeys.all", async () => {
    const rows = [{ id: "k1", name: "CI", prefix: "hk_abc" }];
    const { client, calls, wrapper } = setup(() => Response.json({ data: rows }));
    const { result } = renderHook(() => useApiKeys(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(rows);
    expect(client.getQueryData(apiKeyKeys.all)).toEqual(rows);
  });
});

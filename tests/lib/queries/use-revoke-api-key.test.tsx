// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useRevokeApiKey } from "@/lib/queries/use-revoke-api-key";

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

describe("useRevokeApiKey", () => {
  it("DELETEs /api-keys/{id} and re-reads the key list", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "k1", name: "CI" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRevokeApiKey(), { wrapper });
    act(() => result.current.mutate("k1"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys/k1", method: "DELETE", body: undefined }]);
    expect(result.current.data).toEqual({ id: "k1", name: "CI" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });

  it("re-reads the key list when the server refuses, too", async () => {
    const { client, wrapper } = setup(() => Response.json({ error: { code: "not_found", message: "No such key" } }, { status: 404 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRevokeApiKey(), { wrapper });
    act(() => result.current.mutate("gone"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404, code: "not_found", message: "No such key" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useCreateApiKey } from "@/lib/queries/use-create-api-key";

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

describe("useCreateApiKey", () => {
  it("POSTs the name, exposes the key shown once, and re-reads the key list", async () => {
    const created = { id: "k1", name: "CI", prefix: "hk_abc", key: "hk_abc_secret" };
    const { client, calls, wrapper } = setup(() => Response.json(created, { status: 201 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateApiKey(), { wrapper });
    act(() => result.current.mutate("CI"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys", method: "POST", body: { name: "CI" } }]);
    expect(result.current.data).toEqual(created);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });

  it("re-reads the key list on failure too, and exposes the error", async () => {
    const issues = [{ path: "name", message: "Required" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateApiKey(), { wrapper });
    act(() => result.current.mutate(""));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", issues });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryKeys, webhookKeys } from "@/lib/queries/keys";
import { useRedeliver } from "@/lib/queries/use-redeliver";

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

describe("useRedeliver", () => {
  it("POSTs /deliveries/{id}/redeliver, puts the answer in the detail cache, and invalidates deliveries and webhooks", async () => {
    const detail = { id: "d1", status: "pending", attempts: [] };
    const { client, calls, wrapper } = setup(() => Response.json(detail));
    client.setQueryData(deliveryKeys.detail("d1"), { id: "d1", status: "failed", attempts: [] });
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRedeliver("d1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/d1/redeliver", method: "POST", body: undefined }]);
    expect(result.current.data).toEqual(detail);
    expect(client.getQueryData(deliveryKeys.detail("d1"))).toEqual(detail);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("keeps the cached detail when the server refuses, still invalidating", async () => {
    const before = { id: "d1", status: "failed", attempts: [] };
    const { client, wrapper } = setup(() => Response.json({ error: { code: "conflict", message: "Already pending" } }, { status: 409 }));
    client.setQueryData(deliveryKeys.detail("d1"), before);
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRedeliver("d1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 409, code: "conflict", message: "Already pending" });
    expect(client.getQueryData(deliveryKeys.detail("d1"))).toEqual(before);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });
});

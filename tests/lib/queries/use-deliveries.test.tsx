// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useDeliveries } from "@/lib/queries/use-deliveries";

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

describe("useDeliveries", () => {
  it("reads the first page with the filters, then the next from nextCursor", async () => {
    const { client, calls, wrapper } = setup((url) =>
      Response.json(url.includes("cursor=c2") ? { data: [{ id: "d2" }], nextCursor: null } : { data: [{ id: "d1" }], nextCursor: "c2" }),
    );
    const filters = { webhookId: "w1", status: "failed" };
    const { result } = renderHook(() => useDeliveries(filters), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries?webhookId=w1&status=failed&limit=50", method: "GET", body: undefined }]);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    expect(calls[1]?.url).toBe("/api/v1/deliveries?webhookId=w1&status=failed&cursor=c2&limit=50");
    await vi.waitFor(() => expect(result.current.data?.pages.flatMap((p) => p.data.map((d) => d.id))).toEqual(["d1", "d2"]));
    expect(result.current.hasNextPage).toBe(false);
    expect(client.getQueryData(deliveryKeys.list(filters))).toEqual(result.current.data);
  });

  it("exposes an API error with its field issues", async () => {
    const issues = [{ path: "since", message: "Must be an ISO instant" }];
    const { wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid query", issues } }, { status: 400 }));
    const { result } = renderHook(() => useDeliveries({ since: "yesterday" }), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid query", issues });
  });
});

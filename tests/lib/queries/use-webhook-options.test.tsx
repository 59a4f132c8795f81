// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhookOptions } from "@/lib/queries/use-webhook-options";

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

describe("useWebhookOptions", () => {
  it("reads every page, 100 at a time, into one list cached under webhookKeys.options()", async () => {
    const { client, calls, wrapper } = setup((url) =>
      Response.json(url.includes("cursor=p2") ? { data: [{ id: "c" }], nextCursor: null } : { data: [{ id: "a" }, { id: "b" }], nextCursor: "p2" }),
    );
    const { result } = renderHook(() => useWebhookOptions(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/webhooks?limit=100", "/api/v1/webhooks?limit=100&cursor=p2"]);
    expect(result.current.data?.map((w) => w.id)).toEqual(["a", "b", "c"]);
    expect(client.getQueryData(webhookKeys.options())).toEqual(result.current.data);
  });
});

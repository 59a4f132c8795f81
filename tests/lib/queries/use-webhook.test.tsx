// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhook } from "@/lib/queries/use-webhook";

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

describe("useWebhook", () => {
  it("reads /webhooks/{id} and caches it under webhookKeys.detail(id)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", url: "https://example.com/in" }));
    const { result } = renderHook(() => useWebhook("w1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual({ id: "w1", url: "https://example.com/in" });
    expect(client.getQueryData(webhookKeys.detail("w1"))).toEqual(result.current.data);
  });

  it("exposes a missing webhook as a not_found error", async () => {
    const { wrapper } = setup(() => Response.json({ error: { code: "not_found", message: "No such webhook" } }, { status: 404 }));
    const { result } = renderHook(() => useWebhook("gone"), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404, code: "not_found", message: "No such webhook" });
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";

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

describe("useTestWebhook", () => {
  it("tests a saved webhook at /webhooks/{id}/test and exposes the result", async () => {
    const answer = { ok: true, statusCode: 200, durationMs: 12 };
    const { calls, wrapper } = setup(() => Response.json(answer));
    const { result } = renderHook(() => useTestWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", httpUser: "" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/test", method: "POST", body: { httpUser: "" } }]);
    expect(result.current.data).toEqual(answer);
  });

  it("tests an unsaved URL at /webhooks/test, leaving out empty fields, and stores nothing", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ ok: false, statusCode: 500 }));
    const { result } = renderHook(() => useTestWebhook(), { wrapper });
    act(() => result.current.mutate({ url: "https://example.com/in", token: "", httpPassword: "" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/test", method: "POST", body: { url: "https://example.com/in" } }]);
    expect(result.current.data).toEqual({ ok: false, statusCode: 500 });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useUpdateWebhook } from "@/lib/queries/use-update-webhook";

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

describe("useUpdateWebhook", () => {
  it("PATCHes /webhooks/{id} with the body and invalidates every webhook query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", description: "new" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useUpdateWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", body: { description: "new" } }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1", method: "PATCH", body: { description: "new" } }]);
    expect(result.current.data).toEqual({ id: "w1", description: "new" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("leaves the cache alone when the server refuses, exposing the field issues", async () => {
    const issues = [{ path: "events.0", message: "Unknown event" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useUpdateWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", body: { events: ["nope"] } }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 422, code: "validation_failed", issues });
    expect(invalidate).not.toHaveBeenCalled();
  });
});

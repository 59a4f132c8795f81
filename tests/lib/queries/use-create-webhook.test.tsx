// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useCreateWebhook } from "@/lib/queries/use-create-webhook";

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

const body = { url: "https://example.com/in", events: ["build.finished"] };

describe("useCreateWebhook", () => {
  it("POSTs the body, exposes the token shown once, and invalidates every webhook query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", ...body, token: "whsec_x" }, { status: 201 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateWebhook(), { wrapper });
    act(() => result.current.mutate(body));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks", method: "POST", body }]);
    expect(result.current.data).toMatchObject({ id: "w1", token: "whsec_x" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("leaves the cache alone when the server refuses, exposing the field issues", async () => {
    const issues = [{ path: "url", message: "Must be https" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateWebhook(), { wrapper });
    act(() => result.current.mutate({ ...body, url: "http://example.com" }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: "ApiClientError", status: 422, code: "validation_failed", message: "Invalid body", issues });
    expect(invalidate).not.toHaveBeenCalled();
  });
});

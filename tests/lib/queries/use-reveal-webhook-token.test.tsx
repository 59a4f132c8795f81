// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useRevealWebhookToken } from "@/lib/queries/use-reveal-webhook-token";

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

describe("useRevealWebhookToken", () => {
  it("GETs /webhooks/{id}/token on demand and keeps the secret out of the query cache", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ token: "whsec_secret" }));
    const { result } = renderHook(() => useRevealWebhookToken("w1"), { wrapper });
    expect(calls).toHaveLength(0);
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/token", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual({ token: "whsec_secret" });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("exposes a refusal", async () => {
    const { wrapper } = setup(() => Response.json({ error: { code: "forbidden", message: "Admins only" } }, { status: 403 }));
    const { result } = renderHook(() => useRevealWebhookToken("w1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 403, code: "forbidden", message: "Admins only" });
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCheckSignature } from "@/lib/queries/use-check-signature";

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

describe("useCheckSignature", () => {
  it("POSTs the secret, signature and body to /deliveries/{id}/check-signature and exposes the verdict", async () => {
    const verdict = { isValid: false, reason: "wrong secret" };
    const { client, calls, wrapper } = setup(() => Response.json(verdict));
    const { result } = renderHook(() => useCheckSignature("d1"), { wrapper });
    const body = { secret: "whsec_x", signature: "v1,abc", body: "{}" };
    act(() => result.current.mutate(body));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/d1/check-signature", method: "POST", body }]);
    expect(result.current.data).toEqual(verdict);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("exposes a refusal with its field issues", async () => {
    const issues = [{ path: "signature", message: "Required" }];
    const { wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const { result } = renderHook(() => useCheckSignature("d1"), { wrapper });
    act(() => result.current.mutate({ secret: "whsec_x", signature: "" }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", issues });
  });
});

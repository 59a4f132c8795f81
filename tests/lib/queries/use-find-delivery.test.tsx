// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useFindDelivery } from "@/lib/queries/use-find-delivery";

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

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

/** The API knows only the deliveries in `known`. */
const knowing = (known: string[]) => (url: string) =>
  known.some((id) => url.endsWith(`/deliveries/${id}`))
    ? Response.json({ id: url.split("/").pop(), status: "succeeded" })
    : Response.json({ error: { code: "not_found", message: "No such delivery" } }, { status: 404 });

describe("useFindDelivery", () => {
  it("tries the candidates in order and answers the first that is a delivery, reading no further", async () => {
    const { calls, wrapper } = setup(knowing([B, C]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([A, B, C]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe(B);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET /api/v1/deliveries/${A}`, `GET /api/v1/deliveries/${B}`]);
  });

  it("answers the first candidate when none is a delivery", async () => {
    const { calls, wrapper } = setup(knowing([]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([A, B]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe(A);
    expect(calls).toHaveLength(2);
  });

  it("answers undefined for no candidates, reading nothing", async () => {
    const { calls, wrapper } = setup(knowing([]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeUndefined();
    expect(calls).toHaveLength(0);
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/lib/queries/keys";
import { useProjects } from "@/lib/queries/use-projects";

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

const rows = [{ id: "p1", name: "Web" }];

describe("useProjects", () => {
  it("reads /projects, unwrapped, under catalogKeys.projects", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: rows }));
    const { result } = renderHook(() => useProjects(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/projects", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(rows);
    expect(client.getQueryData(catalogKeys.projects)).toEqual(rows);
  });

  it("keeps the list fresh for a while: a second component does not read it again", async () => {
    const { calls, wrapper } = setup(() => Response.json({ data: rows }));
    const first = renderHook(() => useProjects(), { wrapper });
    await vi.waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    const second = renderHook(() => useProjects(), { wrapper });
    expect(second.result.current.data).toEqual(rows);
    expect(second.result.current.isStale).toBe(false);
    expect(calls).toHaveLength(1);
  });
});

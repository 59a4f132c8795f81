import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, vi } from "vitest";

// The browser data layer's tests: a real QueryClient and a stubbed fetch that answers like the API.

export type TCall = { url: string; method: string; body: unknown };

/** A fresh QueryClient and a fetch stub answering like the API (`reply`), recording each request. */
export function setup(reply: (url: string, method: string) => Response | Promise<Response>) {
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

/** Unmounts, restores real timers and the real fetch after each test of the calling file. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

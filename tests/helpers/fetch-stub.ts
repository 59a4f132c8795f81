import { vi } from "vitest";

export type TFetchCall = { url: string; method: string; body: unknown; headers: unknown; signal: unknown };

/** Stubs fetch with `reply(url)` and records each request as the server would read it (undo with vi.unstubAllGlobals). */
export function serve(reply: (url: string) => Response): TFetchCall[] {
  const calls: TFetchCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        url,
        method: init.method ?? "GET",
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        headers: init.headers,
        signal: init.signal,
      });
      return reply(url);
    }),
  );
  return calls;
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import { fetchEventTypes, fetchProjects } from "@/lib/client/catalog-api";

function answer(response: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("catalog-api", () => {
  it("fetchEventTypes GETs /event-types with the signal and unwraps data", async () => {
    const rows = [{ name: "build.finished", description: "A build finished" }];
    const fetchMock = answer(async () => Response.json({ data: rows }));
    const signal = new AbortController().signal;
    await expect(fetchEventTypes(signal)).resolves.toEqual(rows);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/event-types");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "GET", signal, body: undefined });
  });

  it("fetchProjects GETs /projects and unwraps data", async () => {
    const rows = [{ id: "p1", name: "Web" }];
    const fetchMock = answer(async () => Response.json({ data: rows }));
    await expect(fetchProjects()).resolves.toEqual(rows);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/projects");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "GET" });
  });

  it("turns an API error into an ApiClientError", async () => {
    answer(async () => Response.json({ error: { code: "unauthorized", message: "Sign in", issues: [{ path: "", message: "No session" }] } }, { status: 401 }));
    const error = await fetchProjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", message: "Sign in", issues: [{ path: "", message: "No session" }] });
  });
});

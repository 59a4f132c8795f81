import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import { fetchEvent } from "@/lib/client/events-api";

afterEach(() => vi.unstubAllGlobals());

describe("events-api", () => {
  it("fetchEvent GETs /events/{id} with the signal; an unknown id is an ApiClientError", async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ id: "e1", deliveries: [] }));
    vi.stubGlobal("fetch", fetchMock);
    const signal = new AbortController().signal;
    await expect(fetchEvent("e1", signal)).resolves.toEqual({ id: "e1", deliveries: [] });
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/events/e1");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "GET", signal });

    fetchMock.mockImplementation(async () => Response.json({ error: { code: "not_found", message: "Event not found" } }, { status: 404 }));
    await expect(fetchEvent("e2")).rejects.toEqual(expect.objectContaining({ status: 404, message: "Event not found" }));
    await expect(fetchEvent("e2")).rejects.toBeInstanceOf(ApiClientError);
  });
});
